package cn.juece.support;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (issue 17): its items, the total, and which page of what size it is (0-based). When
 * {@code totalAtLeast} is set the list was counted only up to {@code total} rows (a long work list is not counted to
 * its end: there are at least that many, and more than this page).
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalAtLeast) {

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, false);
    }

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Sort by the period's day (deadline or earliest close), soonest first. */
    public static final String BY_DUE = "due";
    /** Sort by creation. */
    public static final String BY_CREATED = "created";

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int offset() {
        return page * size;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size, totalAtLeast);
    }

    /** A page number and size from a request, refused when out of range (never a page of every row). */
    public static int[] bounds(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw RuleViolation.badRequest("PAGE_INVALID", "页码从0开始，每页1至" + MAX_SIZE + "条。");
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw RuleViolation.badRequest("PAGE_INVALID", "页码过大。");
        }
        return new int[] {p, s};
    }

    /** The sort a request asks for: "due" (the default) or "created"; anything else refused (SORT_INVALID). */
    public static String sort(String sort) {
        return sort(sort, BY_DUE, BY_DUE, BY_CREATED);
    }

    /** The sort a request asks for among these (null or blank: the default); anything else refused (SORT_INVALID). */
    public static String sort(String sort, String defaultSort, String... allowed) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        for (String a : allowed) {
            if (a.equals(sort.strip())) {
                return a;
            }
        }
        throw RuleViolation.badRequest("SORT_INVALID", "排序方式可选：" + String.join("、", java.util.Arrays.stream(allowed)
                .map(a -> a + (BY_DUE.equals(a) ? "（按期限）" : BY_CREATED.equals(a) ? "（按开始时间）" : "")).toList()) + "。");
    }
}

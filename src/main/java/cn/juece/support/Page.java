package cn.juece.support;

import java.util.List;

/** One page of a list (issue 17): its items, the total, and which page of what size it is (0-based). */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** A page number and size from a request, refused when out of range (never a page of every row). */
    public static int[] bounds(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw RuleViolation.badRequest("PAGE_INVALID", "页码从0开始，每页1至" + MAX_SIZE + "条。");
        }
        return new int[] {p, s};
    }
}

package cn.juece.support;

import java.util.List;

import org.springframework.http.ResponseEntity;

/**
 * A page of a list as the API answers it (issue 17): the items as the body, the total and position in headers;
 * X-Has-Next says whether another page follows. A list counted only part way (Page.totalAtLeast) gives
 * X-Total-Count-At-Least instead of X-Total-Count.
 */
public final class PageHeaders {

    private PageHeaders() {
    }

    public static <T> ResponseEntity<List<T>> ok(Page<T> page) {
        return ResponseEntity.ok().header(page.totalAtLeast() ? "X-Total-Count-At-Least" : "X-Total-Count", String.valueOf(page.total()))
                .header("X-Has-Next", String.valueOf(page.hasNext()))
                .header("X-Page", String.valueOf(page.page())).header("X-Page-Size", String.valueOf(page.size()))
                .body(page.items());
    }
}

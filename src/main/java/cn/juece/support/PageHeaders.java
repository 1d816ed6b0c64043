package cn.juece.support;

import java.util.List;

import org.springframework.http.ResponseEntity;

/** A page of a list as the API answers it (issue 17): the items as the body, the total and position in headers. */
public final class PageHeaders {

    private PageHeaders() {
    }

    public static <T> ResponseEntity<List<T>> ok(Page<T> page) {
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(page.total()))
                .header("X-Page", String.valueOf(page.page())).header("X-Page-Size", String.valueOf(page.size()))
                .body(page.items());
    }
}

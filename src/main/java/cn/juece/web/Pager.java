package cn.juece.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the previous and next page of a paged list (issue 17), for templates ({@code @pager.url('page', 2)}): the
 * request's own path and query with only the page parameter replaced, so sort and filters carry over.
 */
@Component("pager")
public class Pager {

    public String url(String param, int page) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(param, page).build().toUriString();
    }
}

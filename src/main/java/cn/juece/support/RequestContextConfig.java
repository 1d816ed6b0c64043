package cn.juece.support;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Exposes the request to {@link org.springframework.web.context.request.RequestContextHolder} before Spring Security's
 * filters, so that what the sign-in reads (the person's groups) is remembered for the rest of the request
 * ({@link RequestMemo}) instead of being read again by the first rule check (issue 17).
 *
 * <p>Spring Boot's own request-context filter (order -105, before Security's -100) is not there in this application:
 * Camunda's REST API brings Jersey, whose auto-configuration registers a plain {@code RequestContextFilter} at the
 * Jersey filter's order minus one (-1), after Security, and Boot's backs off when one exists. This registration, under
 * the same name, makes both back off and puts the filter where Boot would have.
 */
@Configuration(proxyBeanMethods = false)
class RequestContextConfig {

    /** Where Boot puts its own: after the portal's rate limit (-110), before Spring Security (-100). */
    static final int ORDER = -105;

    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
        var reg = new FilterRegistrationBean<>(new RequestContextFilter());
        reg.setName("requestContextFilter");
        reg.setOrder(ORDER);
        return reg;
    }
}

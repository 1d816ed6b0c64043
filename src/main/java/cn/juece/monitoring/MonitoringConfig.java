package cn.juece.monitoring;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import cn.juece.portal.ClientAddress;
import cn.juece.portal.PortalProperties;

/** The request log context in front of every other filter (the start-up gate and Spring Security included). */
@Configuration
class MonitoringConfig {

    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext(PortalProperties portal) {
        var reg = new FilterRegistrationBean<>(new RequestLogContext(new ClientAddress(portal.rateLimit().trustedProxies())));
        reg.setName("juece-request-log-context");
        reg.addUrlPatterns("/*");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        reg.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.ASYNC);
        return reg;
    }
}

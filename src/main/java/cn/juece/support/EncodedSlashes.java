package cn.juece.support;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses an encoded slash ({@code %2F}, a path-traversal attempt such as {@code ..%2F..%2Fetc}) itself,
 * with its own English HTML page, before any of our code runs. Let it through instead: Spring Security's firewall
 * refuses it one step later, and then the refusal is ours — a stable code and a Chinese message on /api, the Chinese
 * error page on pages (issue 15, bad input). Nothing decodes the slash: the firewall rejects the request as sent.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}

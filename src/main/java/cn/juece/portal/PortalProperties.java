package cn.juece.portal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * juece.portal.*: the public portal's settings. The rate limit counts submissions (POST) per client
 * address in a fixed window; the client address is taken from X-Forwarded-For only when the request comes
 * from one of the trusted proxies (DECISIONS.md 21: a county's reverse proxy makes every visitor one address).
 */
@ConfigurationProperties("juece.portal")
public record PortalProperties(String countyName, String baseUrl, RateLimit rateLimit) {

    public PortalProperties {
        if (countyName == null || countyName.isBlank()) {
            countyName = "冠县人民政府";
        }
        if (rateLimit == null) {
            rateLimit = new RateLimit(true, 5, Duration.ofMinutes(10), null);
        }
    }

    public record RateLimit(Boolean enabled, Integer maxSubmissions, Duration window, List<String> trustedProxies) {

        public RateLimit {
            enabled = enabled == null || enabled;
            maxSubmissions = maxSubmissions == null ? 5 : maxSubmissions;
            window = window == null ? Duration.ofMinutes(10) : window;
            trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1") : trustedProxies;
        }
    }
}

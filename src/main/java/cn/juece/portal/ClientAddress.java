package cn.juece.portal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The visitor's address: the connection's remote address, unless that is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping trusted proxies; the first untrusted entry is the client.
 * A forwarded header from anyone else is ignored (it could be forged). Trusted proxies are exact addresses
 * or CIDR ranges (10.0.0.0/8, fd00::/8). The same list decides whose X-Request-Id the log takes
 * (monitoring.RequestLogContext).
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        if (!isTrusted(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (bytes(hop) == null) {
                return client; // not an address: stop at the last one we can vouch for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /**
     * Whether the request came over HTTPS: to this server, or to a trusted proxy that says so in X-Forwarded-Proto
     * (a forwarded header from anyone else is ignored). HSTS is sent only then (identity.SecurityConfig).
     */
    public boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || (isTrusted(request.getRemoteAddr())
                && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).strip()));
    }

    /** Whether the address (an IP literal) is one of the trusted proxies. */
    public boolean isTrusted(String address) {
        byte[] b = bytes(address);
        return b != null && trusted.stream().anyMatch(r -> r.contains(b));
    }

    /** The address's bytes when it is an IP literal (never a name lookup), else null. */
    static byte[] bytes(String s) {
        if (s == null || !(IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String spec) {
            int slash = spec.indexOf('/');
            byte[] net = bytes(slash < 0 ? spec : spec.substring(0, slash));
            if (net == null) {
                throw new IllegalArgumentException("juece.portal.rate-limit.trusted-proxies: not an IP address or CIDR range: " + spec);
            }
            int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(spec.substring(slash + 1));
            return new Range(net, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

package cn.juece.portal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The visitor's address: the connection's remote address, unless that is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping trusted proxies; the first untrusted entry is the client.
 * A forwarded header from anyone else is ignored (it could be forged).
 */
final class ClientAddress {

    private static final Pattern ADDRESS = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    private final Set<String> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        if (!trusted.contains(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return client; // garbage: stop at the last address we can vouch for
            }
            client = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return client;
    }
}

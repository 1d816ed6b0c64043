package cn.juece.support;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a value for the rest of the current HTTP request (issue 17): who the acting person is and which groups
 * they are in, asked by a dozen places of one request, are read from the identity service once. Outside a request
 * (the job executor, start-up, a test calling a service) nothing is remembered and every call computes afresh, so a
 * change is seen by the next request at the latest.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ":";

    private RequestMemo() {
    }

    /** The value remembered for this request under {@code key}, computed (and remembered) on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> compute) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return compute.get();
        }
        String name = PREFIX + key;
        Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return (T) known;
        }
        T value = compute.get();
        if (value != null) {
            request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }

    /** Forgets what this request remembered under {@code key} (after a write that changes it). */
    public static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

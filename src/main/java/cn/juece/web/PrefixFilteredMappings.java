package cn.juece.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's handler lookup, made cheap for paths with a variable (issue 17). Spring finds a handler for a path such
 * as {@code /api/decisions/GX-2026-0001/tasks} by trying every one of our ~440 mappings' conditions in turn, each asking
 * the request (through several wrappers) for its method, its Origin header, its body and content type; it does so twice
 * per request (Spring Security's introspector and the dispatcher). Here a mapping whose patterns' literal beginnings (up
 * to the first variable or wildcard) cannot begin the request's path is skipped before its conditions are asked; every
 * other mapping is matched exactly as Spring does, and the choice among matches is Spring's.
 *
 * <p>A pattern whose beginning holds anything but plain ASCII path characters, and a request path with a percent
 * escape, are never skipped on (decoding would be needed to compare them): they take Spring's full path.
 */
@Component
class PrefixFilteredMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        /** The mappings that may match the request being looked up on this thread (null: ask every one). */
        private static final ThreadLocal<Set<RequestMappingInfo>> CANDIDATES = new ThreadLocal<>();
        /** The mappings by the first segment of their literal beginning; rebuilt after any registration. */
        private volatile Index index;
        /** Off only in the test that compares every choice with Spring's own. */
        private volatile boolean filtering = true;

        void filtering(boolean on) {
            filtering = on;
        }

        /** A mapping and the literal beginnings of its patterns. */
        private record Entry(RequestMappingInfo info, String[] begins) {
        }

        /** Mappings by first path segment, and those that must always be asked (no safe literal beginning). */
        private record Index(Map<String, List<Entry>> bySegment, List<RequestMappingInfo> always) {
        }

        @Override
        protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            index = null;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            index = null;
        }

        @Override
        protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            Set<RequestMappingInfo> outer = CANDIDATES.get();
            CANDIDATES.set(filtering ? candidates(lookupPath) : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                if (outer == null) {
                    CANDIDATES.remove();
                } else {
                    CANDIDATES.set(outer);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            Set<RequestMappingInfo> candidates = CANDIDATES.get();
            if (candidates != null && !candidates.contains(info)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        /** The mappings whose patterns may begin the path (by identity), or null to ask every one. */
        private Set<RequestMappingInfo> candidates(String path) {
            if (path == null || path.indexOf('%') >= 0 || !path.startsWith("/")) {
                return null;
            }
            Index idx = index;
            if (idx == null) {
                idx = build();
                index = idx;
            }
            Set<RequestMappingInfo> result = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            result.addAll(idx.always());
            for (Entry e : idx.bySegment().getOrDefault(firstSegment(path), List.of())) {
                if (beginsWithAny(path, e.begins())) {
                    result.add(e.info());
                }
            }
            return result;
        }

        private Index build() {
            Map<String, List<Entry>> bySegment = new HashMap<>();
            List<RequestMappingInfo> always = new ArrayList<>();
            for (RequestMappingInfo info : getHandlerMethods().keySet()) {
                String[] begins = literalBeginnings(info);
                String segment = segmentOf(begins);
                if (segment == null) {
                    always.add(info);
                } else {
                    bySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(new Entry(info, begins));
                }
            }
            return new Index(bySegment, always);
        }

        /** The first path segment all the beginnings share (each holds its whole first segment), or null. */
        private static String segmentOf(String[] begins) {
            String segment = null;
            for (String b : begins) {
                String s = firstSegment(b);
                if (segment != null && !segment.equals(s)) {
                    return null;
                }
                segment = s;
            }
            return segment;
        }

        /** "api" of "/api/decisions/1"; "" of "/". */
        static String firstSegment(String path) {
            int end = path.indexOf('/', 1);
            return end < 0 ? path.substring(1) : path.substring(1, end);
        }

        private static boolean beginsWithAny(String path, String[] begins) {
            for (String b : begins) {
                if (path.startsWith(b)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * What every path a pattern of the mapping matches begins with, one per pattern; none (always asked) if a
         * pattern has no such beginning. A pattern that is all literal is its own beginning; otherwise its literal part
         * up to the last "/" before the first variable or wildcard ("/api/x/{id}" → "/api/x": "/api/**" matches
         * "/api" too).
         */
        static String[] literalBeginnings(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null) {
                return new String[0];
            }
            var patterns = info.getPathPatternsCondition().getPatterns();
            String[] begins = new String[patterns.size()];
            int i = 0;
            for (PathPattern p : patterns) {
                String pattern = p.getPatternString();
                String literal = literalBeginning(pattern);
                String b = literal.equals(pattern) ? literal : literal.substring(0, Math.max(0, literal.lastIndexOf('/')));
                if (b.isEmpty() || !b.startsWith("/")) {
                    return new String[0];
                }
                begins[i++] = b;
            }
            return begins;
        }

        /** The pattern up to its first variable, wildcard or character that would need decoding to compare. */
        static String literalBeginning(String pattern) {
            int end = 0;
            while (end < pattern.length()) {
                char c = pattern.charAt(end);
                boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-'
                        || c == '_' || c == '.';
                if (!plain) {
                    break;
                }
                end++;
            }
            return pattern.substring(0, end);
        }
    }
}

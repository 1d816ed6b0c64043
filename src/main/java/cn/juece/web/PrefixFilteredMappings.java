package cn.juece.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's handler lookup, made cheap for paths with a variable (issue 17). Spring finds a handler for a path such
 * as {@code /api/decisions/GX-2026-0001/tasks} by trying every one of our ~440 mappings' conditions in turn, each asking
 * the request (through several wrappers) for its method, its Origin header, its body and content type; it does so twice
 * per request (Spring Security's introspector and the dispatcher), walking the whole registry each time. Here only the
 * mappings whose patterns' literal beginnings (up to the first variable or wildcard) can begin the request's path are
 * looked at, from an index by first path segment; their conditions are matched and the best is chosen by Spring's own
 * matching and comparator, in Spring's order (mappings with the path as a direct path first).
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

        /** The mappings by the first segment of their literal beginning; rebuilt after any registration. */
        private volatile Index index;
        /** Off only in the test that compares every choice with Spring's own. */
        private volatile boolean filtering = true;

        void filtering(boolean on) {
            filtering = on;
        }

        /**
         * A mapping, its handler, the literal beginnings of its patterns, and its patterns without variables (Spring
         * builds that set anew on each {@code getDirectPaths()} call: kept here once).
         */
        private record Entry(RequestMappingInfo info, HandlerMethod handler, String[] begins, Set<String> directPaths) {
        }

        /**
         * Mappings by first path segment; those that must always be asked (no safe literal beginning); and every
         * mapping, for Spring's account of a request that matched none (404, 405, 415, 406).
         */
        private record Index(Map<String, List<Entry>> bySegment, List<Entry> always, Set<RequestMappingInfo> all) {
        }

        /** A mapping's conditions as they matched the request, and its handler. */
        private record Match(RequestMappingInfo matched, HandlerMethod handler) {
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

        /**
         * Spring's choice, asking only the mappings that may begin the path: those whose direct path is the path first,
         * then the rest if none of those matched; the best by Spring's comparator, an error if two are equally good;
         * nothing matched → Spring's own refusal. A CORS pre-flight request and a path that cannot be compared without
         * decoding take Spring's own lookup.
         */
        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            if (!filtering || lookupPath == null || lookupPath.indexOf('%') >= 0 || !lookupPath.startsWith("/")
                    || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            Index idx = index;
            if (idx == null) {
                idx = build();
                index = idx;
            }
            List<Entry> candidates = new ArrayList<>(idx.always());
            for (Entry e : idx.bySegment().getOrDefault(firstSegment(lookupPath), List.of())) {
                if (beginsWithAny(lookupPath, e.begins())) {
                    candidates.add(e);
                }
            }
            List<Match> matches = new ArrayList<>(2);
            for (Entry e : candidates) {
                if (e.directPaths().contains(lookupPath)) {
                    add(e, request, matches);
                }
            }
            if (matches.isEmpty()) {
                for (Entry e : candidates) {
                    if (!e.directPaths().contains(lookupPath)) {
                        add(e, request, matches);
                    }
                }
            }
            if (matches.isEmpty()) {
                return handleNoMatch(idx.all(), lookupPath, request);
            }
            Match best = matches.get(0);
            if (matches.size() > 1) {
                Comparator<RequestMappingInfo> order = getMappingComparator(request);
                matches.sort((a, b) -> order.compare(a.matched(), b.matched()));
                best = matches.get(0);
                Match next = matches.get(1);
                if (order.compare(best.matched(), next.matched()) == 0) {
                    throw new IllegalStateException("Ambiguous handler methods mapped for '" + lookupPath + "': {"
                            + best.handler().getMethod() + ", " + next.handler().getMethod() + "}");
                }
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
            handleMatch(best.matched(), lookupPath, request);
            return best.handler();
        }

        private void add(Entry e, HttpServletRequest request, List<Match> matches) {
            RequestMappingInfo matched = getMatchingMapping(e.info(), request);
            if (matched != null) {
                matches.add(new Match(matched, e.handler()));
            }
        }

        private Index build() {
            Map<String, List<Entry>> bySegment = new HashMap<>();
            List<Entry> always = new ArrayList<>();
            Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
            handlers.forEach((info, handler) -> {
                String[] begins = literalBeginnings(info);
                String segment = segmentOf(begins);
                Entry entry = new Entry(info, handler, begins, Set.copyOf(info.getDirectPaths()));
                if (segment == null) {
                    always.add(entry);
                } else {
                    bySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(entry);
                }
            });
            return new Index(bySegment, always, new java.util.LinkedHashSet<>(handlers.keySet()));
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

package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import cn.juece.IntegrationTest;

/**
 * The cheaper handler lookup (issue 17) chooses exactly what Spring's own lookup chooses: for a request made from every
 * pattern of every mapping of the application (variables filled in, each of its methods, and PATCH), for paths that
 * match nothing and for percent-escaped ones, the handler (or the refusal: 404, 405, 415) is the same with the
 * literal-beginning filter on and off. And the dispatcher uses it.
 */
class PrefixFilteredMappingsTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void theDispatcherUsesIt() {
        assertThat(mapping).isInstanceOf(PrefixFilteredMappings.Mapping.class);
    }

    @Test
    void everyRequestGetsTheHandlerSpringWouldChoose() {
        PrefixFilteredMappings.Mapping filtered = (PrefixFilteredMappings.Mapping) mapping;
        Set<List<String>> requests = new LinkedHashSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // a mapping that consumes a type: a request of that type (and the plain ones below, without it)
            info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> {
                for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.POST) : methods) {
                        requests.add(List.of(m.name(), fill(p), type.toString()));
                    }
                }
            });
            for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                String path = fill(p);
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    requests.add(List.of(m.name(), path));
                }
                requests.add(List.of("PATCH", path));
                // "/a/**" and "/a/{*rest}" match "/a" too; a path cut at each of its slashes, and one with a trailing slash
                for (int cut = path.indexOf('/', 1); cut > 0; cut = path.indexOf('/', cut + 1)) {
                    requests.add(List.of("GET", path.substring(0, cut)));
                }
                requests.add(List.of("GET", path + "/"));
            }
        });
        requests.add(List.of("GET", "/api/no/such/path"));
        requests.add(List.of("GET", "/api/decisions/GX%2D2026%2D0001"));
        requests.add(List.of("GET", "/api/decisions/GX-2026-0001/tasks/"));
        requests.add(List.of("POST", "/public/consultations/1/comments"));
        assertThat(requests).hasSizeGreaterThan(400);

        List<String> differences = new ArrayList<>();
        try {
            for (List<String> r : requests) {
                filtered.filtering(true);
                String with = outcome(r);
                filtered.filtering(false);
                String without = outcome(r);
                if (!with.equals(without)) {
                    differences.add(r + ": " + with + " ≠ " + without);
                }
            }
        } finally {
            filtered.filtering(true);
        }
        assertThat(differences).isEmpty();
    }

    /**
     * Where several mappings match one request (none of the application's do today): the best by Spring's order, the
     * direct path first, the same refusal for two equally good, with the index on and off.
     */
    @Test
    void overlappingMappingsAreChosenAsSpringChooses() throws Exception {
        PrefixFilteredMappings.Mapping overlapping = new PrefixFilteredMappings.Mapping();
        var context = new org.springframework.web.context.support.StaticWebApplicationContext();
        context.setServletContext(new org.springframework.mock.web.MockServletContext());
        context.registerSingleton("overlapping", Overlapping.class);
        context.refresh();
        overlapping.setApplicationContext(context);
        overlapping.afterPropertiesSet();
        List<List<String>> requests = List.of(List.of("GET", "/a/b"), List.of("GET", "/a/q"), List.of("POST", "/a/q"),
                List.of("POST", "/a/q", "application/json"), List.of("PUT", "/a/q"), List.of("GET", "/a/b/c"), List.of("GET", "/a/q/c"),
                List.of("GET", "/a/b/d"), List.of("GET", "/a/b/d/e"), List.of("GET", "/a"), List.of("DELETE", "/a/b"),
                List.of("GET", "/z/1"), List.of("GET", "/y"), List.of("HEAD", "/a/q"));
        List<String> differences = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (List<String> r : requests) {
            overlapping.filtering(true);
            String with = outcome(overlapping, r);
            overlapping.filtering(false);
            String without = outcome(overlapping, r);
            outcomes.add(r + " → " + with);
            if (!with.equals(without)) {
                differences.add(r + ": " + with + " ≠ " + without);
            }
        }
        assertThat(differences).isEmpty();
        String o = Overlapping.class.getName();
        assertThat(String.join("\n", outcomes)).contains("[GET, /a/b] → " + o + "#literal[0 args] {} /a/b",
                "[DELETE, /a/b] → " + o + "#anyMethod[1 args] {x=b} /a/{x}",
                "[POST, /a/q, application/json] → " + o + "#json[1 args] {x=q} /a/{x}",
                "[GET, /a/q/c] → " + o + "#variableThenLiteral[1 args] {x=q} /a/{x}/c",
                "[GET, /a/b/d] → " + o + "#literalThenVariable[1 args] {y=d} /a/b/{y}",
                "[GET, /a/b/d/e] → " + o + "#rest[0 args] {} /a/**",
                "[GET, /a/b/c] → IllegalStateException Ambiguous", "[GET, /z/1] → IllegalStateException Ambiguous");
        context.close();
    }

    @org.springframework.web.bind.annotation.RestController
    static class Overlapping {
        @org.springframework.web.bind.annotation.GetMapping("/a/b")
        void literal() { }

        @org.springframework.web.bind.annotation.GetMapping("/a/{x}")
        void variable(@org.springframework.web.bind.annotation.PathVariable String x) { }

        @org.springframework.web.bind.annotation.RequestMapping("/a/{x}")
        void anyMethod(@org.springframework.web.bind.annotation.PathVariable String x) { }

        @org.springframework.web.bind.annotation.PostMapping(path = "/a/{x}", consumes = "application/json")
        void json(@org.springframework.web.bind.annotation.PathVariable String x) { }

        @org.springframework.web.bind.annotation.GetMapping("/a/{x}/c")
        void variableThenLiteral(@org.springframework.web.bind.annotation.PathVariable String x) { }

        @org.springframework.web.bind.annotation.GetMapping("/a/b/{y}")
        void literalThenVariable(@org.springframework.web.bind.annotation.PathVariable String y) { }

        @org.springframework.web.bind.annotation.GetMapping("/a/**")
        void rest() { }

        @org.springframework.web.bind.annotation.GetMapping("/z/{x}")
        void one(@org.springframework.web.bind.annotation.PathVariable String x) { }

        @org.springframework.web.bind.annotation.GetMapping("/z/{y}")
        void other(@org.springframework.web.bind.annotation.PathVariable String y) { }

        @org.springframework.web.bind.annotation.GetMapping({"/y", "/{v}"})
        void rootVariable() { }
    }

    /** A path the pattern matches: its variables and wildcards filled in. */
    private static String fill(PathPattern p) {
        return p.getPatternString().replaceAll("\\{\\*[^}]+}", "x1/y2").replaceAll("\\{[^}]+}", "x1")
                .replace("/**", "/x1/y2").replace("*", "x1");
    }

    /** The handler chosen (or the refusal), with the path variables and the pattern the choice leaves for the handler. */
    private String outcome(List<String> r) {
        return outcome(mapping, r);
    }

    private static String outcome(RequestMappingHandlerMapping mapping, List<String> r) {
        MockHttpServletRequest request = new MockHttpServletRequest(r.get(0), r.get(1));
        if (r.size() > 2) {
            request.setContentType(r.get(2));
        }
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : (chain.getHandler() instanceof HandlerMethod h ? h.getShortLogMessage() : chain.getHandler().toString())
                    + " " + request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    + " " + request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (IllegalStateException e) {
            // two equally good mappings: named in the order met, which the index does not promise to keep
            String m = String.valueOf(e.getMessage());
            return m.startsWith("Ambiguous") ? "IllegalStateException Ambiguous " + new java.util.TreeSet<>(List.of(m.substring(m.indexOf('{') + 1,
                    m.length() - 1).split(", "))) : "IllegalStateException " + m;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }
}

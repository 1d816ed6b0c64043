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
            for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                String path = p.getPatternString().replaceAll("\\{\\*[^}]+}", "x1/y2").replaceAll("\\{[^}]+}", "x1")
                        .replace("/**", "/x1/y2").replace("*", "x1");
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

    private String outcome(List<String> r) {
        MockHttpServletRequest request = new MockHttpServletRequest(r.get(0), r.get(1));
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : chain.getHandler() instanceof HandlerMethod h ? h.getShortLogMessage() : chain.getHandler().toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}

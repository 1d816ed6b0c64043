package cn.juece.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import ch.qos.logback.classic.Level;
import cn.juece.IntegrationTest;
import cn.juece.support.LogCapture;

/**
 * Issue 17: a request signed in by HTTP Basic reads the person's groups once. The sign-in (inside Spring Security's
 * filters) and the rule checks after it share what the request remembers ({@code RequestMemo}), which needs the request
 * bound to the thread before Security runs: Camunda's Jersey otherwise registers that binding after Security, and every
 * API call read the groups twice. Counted from the engine's command log, as an operator would.
 */
class SignInRemembersGroupsTest extends IntegrationTest {

    @Test
    void oneGroupQueryPerSignedInRequest() {
        // warm: the first request of a person may read more (nothing here depends on it, but keep the count clean)
        assertThat(as("fgj_wang").get("/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : new String[] {"/api/tasks", "/api/decisions?size=5", "/api/meetings"}) {
            try (var log = new LogCapture(Level.DEBUG, "org.camunda.bpm.engine.cmd")) {
                var answer = as("fgj_wang").get(path);
                assertThat(answer.getStatusCode().is2xxSuccessful()).as(path).isTrue();
                long groupQueries = log.events().stream()
                        .filter(e -> e.getFormattedMessage().contains("Starting command") && e.getFormattedMessage().contains("GroupQueryImpl"))
                        .count();
                assertThat(groupQueries).as(path + ": group queries in one request").isEqualTo(1);
            }
        }
        // a wrong password is still refused, and the next request with the right one signs in
        assertThat(new cn.juece.support.ApiClient(port, "fgj_wang", "wrong").get("/api/tasks").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("fgj_wang").get("/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

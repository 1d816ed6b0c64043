package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Nothing is served before the application is ready (issue 11): until the start-up runners have seeded the
 * organisation and the calendar, pages and APIs answer 503 in Chinese; the health endpoints answer for themselves.
 */
class StartupGateTest {

    @Test
    void requestsWaitUntilTheApplicationIsReady() throws Exception {
        StartupGate gate = new StartupGate();

        var api = new MockHttpServletResponse();
        MockFilterChain apiChain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/calendar/working-days"), api, apiChain);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentAsString()).contains("\"code\":\"STARTING\"", "系统正在启动");
        assertThat(apiChain.getRequest()).as("the handler was not called").isNull();

        var page = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/login"), page, new MockFilterChain());
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString()).contains("系统正在启动", "节假日安排");

        MockFilterChain healthChain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), healthChain);
        assertThat(healthChain.getRequest()).as("health answers for itself").isNotNull();

        gate.ready();
        MockFilterChain after = new MockFilterChain();
        var served = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/login"), served, after);
        assertThat(after.getRequest()).isNotNull();
        assertThat(served.getStatus()).isEqualTo(200);
    }
}

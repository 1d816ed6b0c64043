package cn.juece.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import cn.juece.support.RuleViolation;

/** The log filter drops the engine's error lines about a refusal, and nothing else (no Spring context). */
class RefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final RefusalLogFilter filter = new RefusalLogFilter();

    private static final RuleViolation REFUSAL = new RuleViolation("MATERIAL_MISSING_DRAFT", "缺少《决策草案》（第十三条）。");

    @Test
    void dropsTheEnginesErrorAboutARefusalPassedAsTheLastArgument() {
        var wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener", REFUSAL);
        assertThat(decide("org.camunda.bpm.engine.context", new Object[]{wrapped.getMessage(), wrapped}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.camunda.bpm.engine.rest.exception", null, new RuntimeException("Cannot complete task", wrapped)))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsGenuineErrorsAndOtherLoggers() {
        var genuine = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation");
        assertThat(decide("org.camunda.bpm.engine.context", new Object[]{genuine.getMessage(), genuine}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.camunda.bpm.engine.context", new Object[]{"no throwable"}, null)).isEqualTo(FilterReply.NEUTRAL);
        // a refusal logged by anyone else (e.g. the job executor, our own code) is not the filter's business
        assertThat(decide("org.camunda.bpm.engine.jobexecutor", null, REFUSAL)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("cn.juece.workflow", null, REFUSAL)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void survivesAResetOfLogback() {
        RefusalLogFilter.install(context);
        RefusalLogFilter.install(context);
        assertThat(context.getTurboFilterList()).hasSize(1);
        context.reset();
        assertThat(context.getTurboFilterList()).hasSize(1);
        assertThat(context.getTurboFilterList().get(0).getName()).isEqualTo(RefusalLogFilter.NAME);
    }

    private FilterReply decide(String logger, Object[] params, Throwable t) {
        return filter.decide(null, context.getLogger(logger), Level.ERROR, "ENGINE-16004 {}", params, t);
    }
}

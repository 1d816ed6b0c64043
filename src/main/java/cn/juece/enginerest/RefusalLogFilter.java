package cn.juece.enginerest;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import cn.juece.support.RuleViolation;

/**
 * Keeps a rule refusal out of the error log (DECISIONS.md 27). When a task listener refuses, the engine logs
 * "ENGINE-16004 Exception while closing command context" at ERROR with the whole stack trace
 * (org.camunda.bpm.engine.context), and Camunda's REST handlers would log the 500 they made of it
 * (org.camunda.bpm.engine.rest.exception). This Logback turbo filter drops exactly those events whose
 * throwable has a {@link RuleViolation} in its cause chain; every other event, genuine errors included, is
 * logged as before. The refusal itself is logged once, without a stack trace, by {@link EngineRestErrors}
 * (engine REST) or by the caller (/api).
 * <p>
 * ENGINE-16006 (the BPMN stack trace) carries no throwable; Camunda 7.24 logs it at DEBUG by default
 * (logLevelBpmnStackTrace), so it never reaches a production log.
 * <p>
 * Installed on Logback's context when the application starts ({@link RefusalLogging}). Spring Boot resets
 * that context whenever it (re)initialises logging, which drops turbo filters; a reset-resistant context
 * listener puts the filter back.
 */
public class RefusalLogFilter extends TurboFilter {

    static final String NAME = "juece-rule-refusals";

    /** The loggers whose refusal events are dropped (and their children). */
    private static final String[] ENGINE_LOGGERS = {"org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception"};

    public RefusalLogFilter() {
        setName(NAME);
    }

    /** Adds the filter to Logback's context unless it is there, and keeps it there across resets. */
    static void install(LoggerContext context) {
        boolean present = context.getTurboFilterList().stream().anyMatch(f -> NAME.equals(f.getName()));
        if (!present) {
            RefusalLogFilter filter = new RefusalLogFilter();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
        boolean listening = context.getCopyOfListenerList().stream().anyMatch(l -> l instanceof Reinstall);
        if (!listening) {
            context.addListener(new Reinstall());
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Called for every logging call and level check of every logger (issue 17: it showed in profiles): the cheap
        // test first, and no string built.
        Throwable thrown = t;
        // SLF4J style: the throwable is the last argument, separated from params only after turbo filters run.
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        if (thrown == null || logger == null || !isEngineLogger(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return RuleViolation.findIn(thrown) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean isEngineLogger(String name) {
        for (String prefix : ENGINE_LOGGERS) {
            if (name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Puts the filter back after Logback's context is reset (Spring Boot reconfiguring logging). */
    private static final class Reinstall implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            install(context);
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}

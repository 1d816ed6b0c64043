package cn.juece.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures what the application logs while it is open, with the given loggers opened to the given level for
 * the time (the test context turns some engine loggers off), as production would log it.
 */
public class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, Level> saved = new LinkedHashMap<>();

    public LogCapture(Level level, String... loggers) {
        for (String name : loggers) {
            Logger logger = context.getLogger(name);
            saved.put(name, logger.getLevel());
            logger.setLevel(level);
        }
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    @Override
    public void close() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        saved.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}

package cn.juece.enginerest;

import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.LoggerContext;

/** Installs {@link RefusalLogFilter} on Logback's context when the application starts. */
@Component
class RefusalLogging {

    RefusalLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            RefusalLogFilter.install(context);
        }
    }
}

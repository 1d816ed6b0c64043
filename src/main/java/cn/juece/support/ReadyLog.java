package cn.juece.support;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs when the application is ready, after the first-start seeding (read by the start-up benchmark). */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Juece ready in {} seconds", String.format("%.3f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    }
}

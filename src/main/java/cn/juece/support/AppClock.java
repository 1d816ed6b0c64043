package cn.juece.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's clock. It reads Camunda's ClockUtil so that tests move the engine and the dossier
 * together (never sleep). Every time is Asia/Shanghai (DECISIONS.md 11).
 */
@Component
public class AppClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }
}

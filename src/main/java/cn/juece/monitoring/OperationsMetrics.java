package cn.juece.monitoring;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.juece.decision.Stage;
import cn.juece.support.AppClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operations gauges at /actuator/prometheus (README, "Operations"): open steps per stage, overdue steps, the
 * outbox's backlog and failures, the job executor's backlog and failed jobs, open incidents. They read one snapshot,
 * counted every {@code juece.metrics.refresh} (30 s) on the scheduler's thread; a scrape reads memory only, so
 * scraping often (or from several Prometheus servers) costs the database nothing. The counts are of the whole
 * database: every node shows the same values (aggregate with max, not sum).
 */
@Service
public class OperationsMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    private final MetricsQueries queries;
    private final AppClock clock;
    private volatile OperationsSnapshot snapshot = OperationsSnapshot.empty();

    OperationsMetrics(MetricsQueries queries, AppClock clock, MeterRegistry registry) {
        this.queries = queries;
        this.clock = clock;
        for (Stage stage : Stage.values()) {
            Gauge.builder("juece.steps.open", this, m -> m.snapshot.openSteps(stage))
                    .description("Open steps (user tasks) of decisions in the stage")
                    .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        gauge(registry, "juece.steps.overdue", "Open steps past their statutory deadline", OperationsSnapshot::overdueSteps);
        gauge(registry, "juece.outbox.pending", "Mail waiting in the outbox (not yet sent, or waiting for a retry)",
                OperationsSnapshot::outboxPending);
        gauge(registry, "juece.outbox.sending", "Mail claimed by a worker and being sent", OperationsSnapshot::outboxSending);
        gauge(registry, "juece.outbox.failed", "Mail the worker gave up on after its attempts (resend at /admin/mail)",
                OperationsSnapshot::outboxFailed);
        gauge(registry, "juece.jobs.due", "Engine jobs due now and not yet executed (job executor backlog)",
                OperationsSnapshot::jobsDue);
        gauge(registry, "juece.jobs.failed", "Engine jobs with no retries left", OperationsSnapshot::jobsFailed);
        gauge(registry, "juece.incidents.open", "Open engine incidents", OperationsSnapshot::incidents);
        Gauge.builder("juece.metrics.snapshot.timestamp", this,
                        m -> m.snapshot.takenAt() == null ? 0 : m.snapshot.takenAt().toInstant().toEpochMilli() / 1000.0)
                .description("When these gauges were last counted (seconds since the epoch)")
                .baseUnit("seconds")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OperationsSnapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot)).description(description).register(registry);
    }

    /** The counts as of the last refresh. */
    public OperationsSnapshot snapshot() {
        return snapshot;
    }

    /** Counts everything afresh (the scheduler, every juece.metrics.refresh; tests). */
    @Scheduled(fixedDelayString = "${juece.metrics.refresh:PT30S}", initialDelayString = "${juece.metrics.initial-delay:PT5S}")
    public OperationsSnapshot refresh() {
        try {
            var now = clock.now();
            Map<String, Long> mail = queries.unsentMail();
            snapshot = new OperationsSnapshot(now, queries.openStepsByStage(), queries.overdueSteps(now),
                    mail.getOrDefault("PENDING", 0L), mail.getOrDefault("SENDING", 0L), mail.getOrDefault("FAILED", 0L),
                    queries.jobsDue(), queries.jobsFailed(), queries.incidents());
        } catch (RuntimeException e) {
            // keep the last counts (their timestamp tells how old they are); the database may be briefly away
            log.warn("Operations metrics not refreshed: {}", e.toString());
        }
        return snapshot;
    }
}

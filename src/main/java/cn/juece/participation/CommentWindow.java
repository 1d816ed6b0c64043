package cn.juece.participation;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;

/**
 * The comment window's timer on the participation map (stage-participation.bpmn, Art. 20): publishing a
 * notice starts the event subprocess, whose timer waits until 24:00 of the last day; then the window is
 * closed in the dossier and the lead unit is told to study and answer every opinion (Art. 28, 29). Intake
 * refuses by the clock whatever the timer's state, so a late job never lets a late comment in.
 */
@Component("commentWindow")
public class CommentWindow {

    static final String MESSAGE = "comment-notice-published";
    private static final java.time.format.DateTimeFormatter CHINESE_DATE = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ConsultationRepository repository;
    private final DecisionService decisions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AppClock clock;
    private final RuntimeService runtime;

    CommentWindow(ConsultationRepository repository, DecisionService decisions, AuditTrail audit, Outbox outbox, AppClock clock,
                  RuntimeService runtime) {
        this.repository = repository;
        this.decisions = decisions;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.runtime = runtime;
    }

    /** Starts the window's timer in the decision's participation stage (called when the notice is published). */
    void opened(Decision d) {
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(d.number()).correlateWithResult();
    }

    /** When the newest open window ends: 24:00 of its last day, i.e. the start of the next day. */
    public Date closesAt(DelegateExecution execution) {
        Decision d = decisions.get(execution.getProcessBusinessKey());
        Consultation newest = repository.ofDecision(d.id()).stream().filter(c -> c.status() == ConsultationStatus.OPEN)
                .max(Comparator.comparingLong(Consultation::id))
                .orElseThrow(() -> new IllegalStateException("no open comment window for " + d.number()));
        ZonedDateTime end = newest.closesOn().plusDays(1).atStartOfDay(AppClock.ZONE);
        return Date.from(end.toInstant());
    }

    /** Closes every window of the decision whose last day has passed, and tells the lead unit to answer. */
    public void close(DelegateExecution execution) {
        Decision d = decisions.get(execution.getProcessBusinessKey());
        var now = clock.now();
        List<Consultation> ended = repository.ofDecision(d.id()).stream()
                .filter(c -> c.status() == ConsultationStatus.OPEN && now.isAfter(Periods.endOfDay(c.closesOn()).toOffsetDateTime()))
                .toList();
        for (Consultation c : ended) {
            if (!repository.close(c.id())) {
                continue;
            }
            int received = repository.opinions(c.id()).size();
            audit.record(Actor.system(), d.id(), d.number(), AuditAction.CONSULTATION_CLOSED,
                    c.title() + "：期限已于" + CHINESE_DATE.format(c.closesOn()) + "24时届满，截止接收意见，共收到" + received + "条意见（第二十条）");
            outbox.toGroups(d.id(), "COMMENT_WINDOW_CLOSED", List.of(Groups.unit(d.leadUnit())),
                    "公开征求意见已截止：" + d.title(),
                    c.title() + "已于" + CHINESE_DATE.format(c.closesOn()) + "24时截止，共收到" + received + "条意见。\n"
                            + "请全面、客观地研究每一条意见，包括反对意见，逐条或归类答复采纳情况后，向社会公布意见采纳情况（第二十八条、第二十九条）。",
                    outbox.link("/decisions/" + d.number() + "/participation"));
        }
    }
}

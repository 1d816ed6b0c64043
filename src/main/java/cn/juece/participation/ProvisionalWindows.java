package cn.juece.participation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.HolidayNoticeLoaded;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.deadline.DeadlineChanges;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;

/**
 * Issue 16: a public comment window whose 30-day minimum (Art. 20) was counted over a year without a holiday notice
 * is checked again when the notice is loaded. If the minimum now ends later than the published end, the window is
 * extended to it (the dossier, the portal, the window's timer and the step's date follow); if it ends earlier, the
 * published end stays: a public window never ends earlier than was published. A window shortened with an approved
 * urgent reason is not counted from the minimum and is left as published. Each check is audited and kept for the lead
 * unit ({@link DeadlineChanges}).
 */
@Component
class ProvisionalWindows {

    static final String TIMER = "comment-window-ends";
    private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ConsultationRepository repository;
    private final Periods periods;
    private final DecisionService decisions;
    private final AuditTrail audit;
    private final DeadlineChanges changes;
    private final RuntimeService runtime;
    private final ManagementService jobs;

    ProvisionalWindows(ConsultationRepository repository, Periods periods, DecisionService decisions, AuditTrail audit,
                       DeadlineChanges changes, RuntimeService runtime, ManagementService jobs) {
        this.repository = repository;
        this.periods = periods;
        this.decisions = decisions;
        this.audit = audit;
        this.changes = changes;
        this.runtime = runtime;
        this.jobs = jobs;
    }

    @EventListener
    @Transactional
    public void onHolidayNoticeLoaded(HolidayNoticeLoaded loaded) {
        if (loaded.isOrganDay()) {
            // issue 15: one organ's own day changed: its open windows (not shortened with a reason) whose statutory
            // minimum counts over that day; a window is extended, never shortened
            for (Consultation c : repository.openOfOrgan(loaded.organ())) {
                LocalDate last = periods.forOrgan(null).end(PublicCommentService.PERIOD, c.opensOn());
                LocalDate to = last.isAfter(c.closesOn()) ? last : c.closesOn();
                if (c.shortenedReason() == null && loaded.concerns(loaded.organ(), c.opensOn(), to)) {
                    recheck(c, loaded);
                }
            }
            return;
        }
        for (Consultation c : repository.openProvisional()) {
            if (c.provisionalYearList().contains(loaded.year())) {
                recheck(c, loaded);
            }
        }
    }

    private void recheck(Consultation c, HolidayNoticeLoaded loaded) {
        Decision d = decisions.get(c.decisionId());
        Periods periods = this.periods.forOrgan(d.organCode());
        var p = periods.period(PublicCommentService.PERIOD);
        LocalDate minimum = periods.end(p, c.opensOn());
        LocalDate closes = minimum.isAfter(c.closesOn()) ? minimum : c.closesOn();
        var remaining = periods.calendar().provisionalYears(c.opensOn(), closes);
        String years = remaining.isEmpty() ? null : remaining.stream().map(String::valueOf).collect(Collectors.joining(","));
        String still = years == null ? "" : "；仍涉及尚无节假日安排的" + years + "年，截止日期仍为暂定";
        String head = "“" + c.title() + "”的征求意见期限按" + loaded.year() + "年节假日安排核对（" + p.article() + "一般不少于"
                + p.length() + "日，自" + CN_DATE.format(c.opensOn()) + "次日起算，法定最短期限届满于" + CN_DATE.format(minimum) + "）：";
        boolean extended = closes.isAfter(c.closesOn());
        String detail;
        if (extended) {
            repository.extend(c.id(), closes, years);
            moveTimer(d, closes);
            detail = head + "截止日期由" + CN_DATE.format(c.closesOn()) + "24时顺延至" + CN_DATE.format(closes) + "24时" + still;
        } else {
            repository.provisional(c.id(), years);
            detail = head + "已公布的截止日期" + CN_DATE.format(c.closesOn()) + "24时不变"
                    + (minimum.isBefore(c.closesOn()) ? "（公开征求意见的截止日期不早于已公布的日期）" : "") + still;
        }
        audit.record(loaded.actor(), d.id(), d.number(), AuditAction.CONSULTATION_RECOMPUTED, detail + "（依据：" + loaded.source() + "）");
        changes.record(d, loaded.year(), loaded.isOrganDay() ? loaded.basis() : null, DeadlineChanges.WINDOW, "“" + c.title() + "”的截止日期", Groups.unit(d.leadUnit()),
                c.closesOn(), closes, extended, detail);
    }

    /** The window's timer fires at 24:00 of the new last day (CommentWindow#closesAt). */
    private void moveTimer(Decision d, LocalDate closes) {
        Date at = Date.from(closes.plusDays(1).atStartOfDay(AppClock.ZONE).toInstant());
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.number()).list()) {
            for (Job job : jobs.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER).timers().list()) {
                if (job.getDuedate() == null || job.getDuedate().before(at)) {
                    jobs.setJobDuedate(job.getId(), at);
                }
            }
        }
    }
}

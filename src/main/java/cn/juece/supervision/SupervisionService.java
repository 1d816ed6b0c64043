package cn.juece.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import cn.juece.archive.ArchiveService;
import cn.juece.calendar.WorkingDayCalendar;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionScope;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionStatus;
import cn.juece.decision.Stage;
import cn.juece.decision.DecisionStages;
import cn.juece.participation.ParticipationDeviations;
import cn.juece.deadline.PeriodDeviation;
import cn.juece.deadline.StepPeriod;
import cn.juece.deadline.StepPeriods;
import cn.juece.drafting.ArrangementService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;
import cn.juece.legality.LegalityService;
import cn.juece.meeting.MeetingService;
import cn.juece.risk.RiskService;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The supervision view (Art. 60-63): where every decision stands, which steps are overdue or soon due,
 * which procedures were not performed and why, which steps closed late, and the outcomes recorded as facts
 * (risk levels, legality conclusions, meeting decisions, archive numbers) — for the justice bureau
 * (Art. 8), the government office, the decision organ and administrators. Read-only.
 */
@Service
public class SupervisionService {

    /**
     * How far past the page the open steps of one stage are counted (issue 17): a longer list says "at least"
     * (totalAtLeast, 第N页（共K项以上）), as the work list does (tests lower it). Without a stage filter the total is
     * exact, the sum of the decisions' kept open steps (V252).
     */
    static int countAhead = 200;

    /** Steps due within this many working days count as soon due. */
    static final int SOON_WORKING_DAYS = 3;
    /** Outcome codes in the order stage-risk, stage-legality and stage-meeting declare them. */
    static final List<String> RISK_LEVELS = List.of("HIGH", "MEDIUM", "LOW");
    static final List<String> LEGALITY_CONCLUSIONS = List.of("PASSED", "PROVISIONS_ILLEGAL", "MISSING_PARTICIPATION",
            "MISSING_EXPERT", "MISSING_RISK", "ILLEGAL");
    static final List<String> MEETING_RESULTS = List.of("APPROVED", "APPROVED_IN_PRINCIPLE", "REJECTED");

    private final DecisionService decisions;
    private final ArrangementService arrangements;
    private final Directory directory;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final WorkingDayCalendar calendar;
    private final AppClock clock;
    private final StepPeriods stepPeriods;
    private final RiskService risk;
    private final LegalityService legality;
    private final MeetingService meetings;
    private final ArchiveService archive;
    private final ParticipationDeviations participationDeviations;
    private final cn.juece.expert.ExpertReviewService experts;
    private final DecisionStages stages;
    private final SupervisionQueries queries;
    private final org.springframework.beans.factory.ObjectProvider<cn.juece.meeting.MeetingRecords> meetingRecords;
    private final cn.juece.execution.ExecutionReports executionReports;
    private final cn.juece.execution.ExecutionInspections executionInspections;

    SupervisionService(org.springframework.beans.factory.ObjectProvider<cn.juece.meeting.MeetingRecords> meetingRecords,
                       cn.juece.execution.ExecutionReports executionReports,
                       cn.juece.execution.ExecutionInspections executionInspections,
                       ParticipationDeviations participationDeviations, DecisionStages stages, DecisionService decisions, ArrangementService arrangements, Directory directory,
                       TaskService taskService, RuntimeService runtimeService,
                       WorkingDayCalendar calendar, AppClock clock, StepPeriods stepPeriods, RiskService risk,
                       LegalityService legality, MeetingService meetings, ArchiveService archive,
                       cn.juece.expert.ExpertReviewService experts, SupervisionQueries queries) {
        this.queries = queries;
        this.experts = experts;
        this.executionReports = executionReports;
        this.executionInspections = executionInspections;
        this.participationDeviations = participationDeviations;
        this.meetingRecords = meetingRecords;
        this.stages = stages;
        this.risk = risk;
        this.legality = legality;
        this.meetings = meetings;
        this.archive = archive;
        this.stepPeriods = stepPeriods;
        this.decisions = decisions;
        this.arrangements = arrangements;
        this.directory = directory;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The selection (issue 17 adds a stage and one decision number). */
    /** @param organ one deciding organ to supervise (Art. 64, e.g. QQ), or null for every organ the person supervises */
    public record Filter(String unit, Integer year, Stage stage, String decision, String organ) {
        public Filter(String unit, Integer year) {
            this(unit, year, null, null, null);
        }

        public Filter(String unit, Integer year, Stage stage, String decision) {
            this(unit, year, stage, decision, null);
        }

        boolean accepts(Decision d) {
            return (unit == null || unit.isBlank() || unit.equals(d.leadUnit()))
                    && (year == null || d.createdAt().getYear() == year)
                    && (decision == null || decision.isBlank() || decision.strip().equals(d.number()));
        }

        SupervisionQueries.Selection selection(java.util.Collection<String> organs) {
            return new SupervisionQueries.Selection(organs, unit == null || unit.isBlank() ? null : unit, year, stage,
                    decision == null || decision.isBlank() ? null : decision.strip());
        }
    }

    /** @param provisional the date was counted over a year without a holiday notice (暂定, issue 16) */
    public record Step(String decisionNumber, String decisionTitle, String unitName, String step, String groups,
                       OffsetDateTime created, OffsetDateTime due, String state, boolean provisional) {
    }

    public record NotPerformed(String decisionNumber, String decisionTitle, String unitName, String procedure,
                               String article, String reason, String recordedBy) {
    }

    public record LateStep(String decisionNumber, String decisionTitle, String step, OffsetDateTime due,
                           OffsetDateTime completed) {
    }

    public record UnitRow(String unitCode, String unitName, long openDecisions, long openSteps, long overdue, long soonDue) {
    }

    /** A "一般" minimum shortened with its approved reason (DECISIONS.md 12). */
    public record Shortened(String decisionNumber, String decisionTitle, String periodCode, String periodName, String reason, String approver,
                            OffsetDateTime approvedAt) {
    }

    /**
     * A deviation from a "一般" rule (DECISIONS.md 12): a shortened minimum period, a comment window shorter than
     * 30 days (Art. 20), a hearing with stakeholders below half (Art. 24); with its reason, approver and article.
     */
    public record Deviation(String decisionNumber, String decisionTitle, String what, String article, String reason,
                            String approver, OffsetDateTime approvedAt) {
    }

    /**
     * An execution unit's periodic report that is overdue or came late (Art. 53, 62): the unit, the period, its due
     * day, whether and when it was escalated to the unit's head and the decision organ, and when it came.
     */
    public record LateReport(String decisionNumber, String decisionTitle, String unitName, int period, LocalDate dueOn,
                             String state, OffsetDateTime escalatedAt, OffsetDateTime reportedAt) {
    }

    /** Supervision of a decision's execution (Art. 58): an inspection, investigation or notice, as recorded. */
    public record ExecutionInspection(String decisionNumber, String decisionTitle, String kindLabel, String title,
                                      LocalDate heldOn, String findings, String recordedByName) {
    }

    /** A deadline that passed and was escalated to the unit's head and the justice bureau (DECISIONS.md 14). */
    public record Escalated(String decisionNumber, String decisionTitle, String step, java.time.LocalDate lastDay,
                            OffsetDateTime escalatedAt) {
    }

    /**
     * A decision's outcomes so far, from the facts of its dossier (DECISIONS.md 25): the latest risk level and the
     * organ's finding on it (Art. 38, 40), the latest legality conclusion (Art. 45), the meeting's decision
     * (Art. 50) and the archive number (Art. 59); each null until recorded, rounds counted per step.
     */
    public record DecisionOutcome(String decisionNumber, String decisionTitle, String riskLevel, String riskLevelLabel,
                                  Integer riskRound, String riskFinding, String legalityConclusion,
                                  String legalityConclusionLabel, Integer legalityRound, String meetingResult,
                                  String meetingResultLabel, LocalDate meetingOn, String archiveNumber) {
    }

    /**
     * @param riskLevels          decisions by their latest risk level (高风险, 中风险, 低风险)
     * @param legalityConclusions decisions by their latest legality conclusion
     * @param meetingResults      decisions by the meeting's decision (同意, 原则同意, 不同意)
     */
    public record Overview(Filter filter, OffsetDateTime asOf, Map<String, Long> byStage, Map<String, Long> byStatus,
                           List<UnitRow> byUnit, cn.juece.support.Page<Step> openSteps, List<NotPerformed> notPerformed,
                           List<LateStep> lateSteps, List<Shortened> shortened, List<Deviation> deviations,
                           List<Escalated> escalated, List<LateReport> lateReports,
                           List<ExecutionInspection> executionInspections,
                           List<String> lateSupplements, long overdue, long soonDue, Map<String, Long> riskLevels,
                           Map<String, Long> legalityConclusions, Map<String, Long> meetingResults,
                           List<DecisionOutcome> outcomes, Map<Integer, Long> meetingsWithInvitedByYear) {
    }

    /** Whether the person supervises (Art. 8, 60-63): the justice bureau, office, decision organ, its head and members, administrators. */
    public boolean isSupervisor(Actor actor) {
        return !supervisedOrgans(actor).isEmpty();
    }

    /**
     * The organs the person supervises (Art. 8, 60-63, 64): those whose justice bureau, office, decision organ, head or
     * members they belong to; administrators every organ.
     */
    public List<String> supervisedOrgans(Actor actor) {
        return directory.organs().stream().filter(organ -> actor.isSystem() || actor.inAnyGroup(Set.of(
                Groups.unit(organ.justiceUnit()), Groups.unit(organ.officeUnit()), Groups.decisionOrgan(organ.code()),
                Groups.executiveHead(organ.code()), Groups.members(organ.code()), Groups.ADMIN))).map(Organ::code).toList();
    }

    /**
     * The organs a supervision answer covers (Art. 64): the one the filter names, which the person must supervise
     * (ORGAN_NOT_YOURS otherwise), or every organ they supervise.
     */
    public List<String> organs(Filter filter) {
        Actor actor = directory.currentActor();
        List<String> mine = supervisedOrgans(actor);
        if (filter.organ() == null || filter.organ().isBlank()) {
            return mine;
        }
        String code = filter.organ().strip().toUpperCase(java.util.Locale.ROOT);
        if (!mine.contains(code)) {
            throw directory.notYourOrgan(actor, code);
        }
        return List.of(code);
    }

    /** Refuses anyone who does not supervise (Art. 8, 60-63). */
    public void requireSupervisor(Actor actor) {
        if (!isSupervisor(actor)) {
            throw RuleViolation.forbidden("SUPERVISION_FORBIDDEN",
                    "监督统计供司法行政部门、政府办公室、决策机关和系统管理员使用（第八条、第六十条至第六十三条）。");
        }
    }

    public Overview overview(Filter filter) {
        return overview(filter, 0, cn.juece.support.Page.DEFAULT_SIZE, cn.juece.support.Page.BY_DUE);
    }

    /**
     * The overview with one page of the open steps (issue 17). The counts and the open steps are indexed queries over
     * every decision of the organ; the sections listing facts (procedures not performed, late steps, deviations,
     * outcomes) cover the newest {@code 500} decisions of the selection, as the decision list did before paging.
     */
    public Overview overview(Filter filter, int page, int size, String sort) {
        OffsetDateTime now = clock.now();
        LocalDate soonLimit = calendar.addWorkingDays(now.toLocalDate(), SOON_WORKING_DAYS);
        OffsetDateTime soonEnd = soonLimit.plusDays(1).atStartOfDay(AppClock.ZONE).toOffsetDateTime();
        List<String> organs = organs(filter);
        var sel = filter.selection(organs);
        List<Decision> selected = decisions.list(organs).stream().filter(filter::accepts).toList();

        // Stages 4-6 run in parallel (DECISIONS.md 3): a decision in several counts in each.
        // One scan of the selection's decisions (V252) for the counts by stage, status and unit.
        SupervisionQueries.Tally tally = queries.tally(sel);
        Map<Stage, Long> stageCounts = tally.openByStage();
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Stage st : Stage.values()) {
            byStage.put(st.number() + ". " + st.label(), stageCounts.getOrDefault(st, 0L));
        }
        Map<String, Long> statusCounts = tally.byStatus();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (DecisionStatus st : DecisionStatus.values()) {
            byStatus.put(st.label(), statusCounts.getOrDefault(st.name(), 0L));
        }

        // the exact total from the decisions' kept open steps (V252); with a stage filter counted up to 200 past the page
        long cap = (long) page * size + size + countAhead;
        long total = sel.stage() == null ? tally.openStepsByUnit().values().stream().mapToLong(Long::longValue).sum()
                : queries.countOpenSteps(sel, cap);
        boolean atLeast = sel.stage() != null && total >= cap;
        List<Step> items = (long) page * size >= total ? List.of()
                : queries.openSteps(sel, cn.juece.support.Page.BY_DUE.equals(sort), page * size, size).stream()
                        .map(r -> step(r, now, soonLimit)).toList();
        var steps = new cn.juece.support.Page<>(items, total, page, size, atLeast);
        Map<String, long[]> stepCounts;
        if (sel.stage() == null) {
            stepCounts = queries.dueByUnit(sel, now, soonEnd);
            tally.openStepsByUnit().forEach((u, n) -> stepCounts.computeIfAbsent(u, x -> new long[3])[0] = n);
        } else {
            stepCounts = queries.stepsByUnit(sel, now, soonEnd);    // the stage's steps only
        }
        Map<String, Long> openByUnit = tally.openDecisionsByUnit();
        List<UnitRow> byUnit = organs.stream().flatMap(o -> directory.units(o).stream())
                .map(u -> {
                    long[] c = stepCounts.getOrDefault(u.code(), new long[3]);
                    return new UnitRow(u.code(), u.name(), openByUnit.getOrDefault(u.code(), 0L), c[0], c[1], c[2]);
                })
                .filter(r -> r.openDecisions() > 0 || r.openSteps() > 0)
                .toList();
        long overdue = stepCounts.values().stream().mapToLong(c -> c[1]).sum();
        long soonDue = stepCounts.values().stream().mapToLong(c -> c[2]).sum();

        List<NotPerformed> notPerformed = new ArrayList<>();
        var notPerformedOf = arrangements.notPerformed(selected.stream().map(Decision::id).toList());
        for (Decision d : selected) {
            notPerformedOf.getOrDefault(d.id(), List.of()).forEach(a ->
                    notPerformed.add(new NotPerformed(d.number(), d.title(), directory.unitName(d.leadUnit()),
                            a.procedure().label(), a.procedure().article(), a.reason(), directory.displayName(a.recordedBy()))));
        }
        Map<Long, Decision> byId = selected.stream().collect(Collectors.toMap(Decision::id, Function.identity()));
        // the fact sections read only the selection's rows (issue 17), each through its table's decision_id index
        DecisionScope scope = DecisionScope.of(byId.keySet());
        List<PeriodDeviation> periodDeviations = stepPeriods.deviations(scope);
        List<Shortened> shortened = periodDeviations.stream()
                .map(x -> new Shortened(byId.get(x.decisionId()).number(), byId.get(x.decisionId()).title(), x.periodCode(),
                        x.periodName(), x.reason(), x.approverName(), x.approvedAt()))
                .toList();
        List<Escalated> escalated = stepPeriods.escalated(scope).stream()
                .map(p -> new Escalated(byId.get(p.decisionId()).number(), byId.get(p.decisionId()).title(), p.taskName(),
                        p.endOn(), p.escalatedAt()))
                .toList();
        List<String> lateSupplements = stepPeriods.latePauses(scope).stream()
                .map(x -> byId.get(x.decisionId()).number() + "：" + x.lateNote()).toList();
        List<DecisionOutcome> outcomes = outcomes(selected);
        List<Deviation> deviations = new ArrayList<>();
        periodDeviations.forEach(x -> {
            var p = stepPeriods.period(x.periodCode());
            deviations.add(new Deviation(byId.get(x.decisionId()).number(), byId.get(x.decisionId()).title(),
                    p.nameZh() + "缩短（一般不少于" + p.length() + "）", p.article(), x.reason(), x.approverName(), x.approvedAt()));
        });
        participationDeviations.of(scope).forEach(x ->
                deviations.add(new Deviation(byId.get(x.decisionId()).number(), byId.get(x.decisionId()).title(), x.what(),
                        x.article(), x.reason(), directory.displayName(x.approvedBy()), x.approvedAt())));
        experts.deviations(scope).forEach(x ->
                deviations.add(new Deviation(byId.get(x.decisionId()).number(), byId.get(x.decisionId()).title(), x.what(),
                        x.article(), x.reason(), directory.displayName(x.approvedBy()), x.approvedAt())));
        deviations.sort(Comparator.comparing(Deviation::approvedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        LocalDate today = now.toLocalDate();
        List<LateReport> lateReports = executionReports.late(scope).stream()
                .map(p -> new LateReport(byId.get(p.decisionId()).number(), byId.get(p.decisionId()).title(),
                        directory.unitName(p.unitCode()), p.periodNo(), p.dueOn(), p.stateLabel(today), p.escalatedAt(), p.reportedAt()))
                .toList();
        List<ExecutionInspection> inspections = executionInspections.of(scope).stream()
                .map(x -> new ExecutionInspection(byId.get(x.decisionId()).number(), byId.get(x.decisionId()).title(), x.kind().label(),
                        x.title(), x.heldOn(), x.findings(), directory.displayName(x.recordedBy())))
                .toList();
        return new Overview(filter, now, byStage, byStatus, byUnit, steps, notPerformed, lateSteps(byId),
                shortened, deviations, escalated, lateReports, inspections, lateSupplements, overdue, soonDue,
                count(outcomes, DecisionOutcome::riskLevel, DecisionOutcome::riskLevelLabel, RISK_LEVELS),
                count(outcomes, DecisionOutcome::legalityConclusion, DecisionOutcome::legalityConclusionLabel, LEGALITY_CONCLUSIONS),
                count(outcomes, DecisionOutcome::meetingResult, DecisionOutcome::meetingResultLabel, MEETING_RESULTS), outcomes,
                meetingsWithInvited(organs));
    }

    /**
     * Openness excerpt: executive meetings with stakeholders, the public, experts or media invited to sit in, per
     * year (the county's plan asks for at least 3 a year), of the given organs' meetings.
     */
    Map<Integer, Long> meetingsWithInvited(List<String> organs) {
        // only the meetings of the organs the page covers (its organ selection, issue 15), counted by the database
        return meetingRecords.getObject().withInvitedByYear(organs);
    }

    /** Each selected decision with a recorded risk level, legality conclusion, meeting decision or archive number. */
    private List<DecisionOutcome> outcomes(List<Decision> selected) {
        List<Long> ids = selected.stream().map(Decision::id).toList();
        var levels = risk.latestAssessments(ids);
        var findings = risk.latestFindings(ids);
        var conclusions = legality.latestConclusions(ids);
        var meetingDecisions = meetings.latestDecisions(ids);
        List<DecisionOutcome> rows = new ArrayList<>();
        for (Decision d : selected) {
            var level = levels.get(d.id());
            var finding = findings.get(d.id());
            var conclusion = conclusions.get(d.id());
            var meeting = meetingDecisions.get(d.id());
            String archiveNumber = d.stage() == Stage.ARCHIVE
                    ? archive.record(d.id()).map(ArchiveService.ArchiveRecord::archiveNumber).orElse(null) : null;
            if (level == null && conclusion == null && meeting == null && archiveNumber == null) {
                continue;
            }
            rows.add(new DecisionOutcome(d.number(), d.title(),
                    level == null ? null : level.level(), level == null ? null : level.levelLabel(),
                    level == null ? null : level.step().round(), finding == null ? null : finding.step().outcomeLabel(),
                    conclusion == null ? null : conclusion.conclusion(), conclusion == null ? null : conclusion.step().outcomeLabel(),
                    conclusion == null ? null : conclusion.step().round(),
                    meeting == null ? null : meeting.result(), meeting == null ? null : meeting.resultLabel(),
                    meeting == null ? null : meeting.decidedOn(), archiveNumber));
        }
        return rows;
    }

    /** Decisions by outcome label, in the order of the codes (as the BPMN lists them). */
    private static Map<String, Long> count(List<DecisionOutcome> rows, Function<DecisionOutcome, String> code,
                                           Function<DecisionOutcome, String> label, List<String> order) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.stream().filter(r -> code.apply(r) != null)
                .sorted(Comparator.comparingInt((DecisionOutcome r) -> order.indexOf(code.apply(r)) < 0 ? order.size() : order.indexOf(code.apply(r))))
                .forEach(r -> counts.merge(label.apply(r), 1L, Long::sum));
        return counts;
    }

    /** An open step as supervision shows it, with its state against the due date or the minimum's earliest close. */
    private Step step(SupervisionQueries.OpenStep r, OffsetDateTime now, LocalDate soonLimit) {
        OffsetDateTime due = r.due();
        // A minimum (e.g. legality review >= 7 working days) has no deadline: its date is the earliest close.
        LocalDate minimum = r.earliestClose();
        String state = minimum != null ? (now.toLocalDate().isBefore(minimum) ? "MINIMUM_RUNNING" : "MAY_CLOSE")
                : due == null ? "NONE" : due.isBefore(now) ? "OVERDUE"
                : !due.toLocalDate().isAfter(soonLimit) ? "SOON" : "ON_TIME";
        return new Step(r.number(), r.title(), directory.unitName(r.leadUnit()), r.taskName(),
                r.group() == null ? "" : directory.groupName(r.group()), r.created(), due, state, r.provisional());
    }

    /**
     * Steps completed after their due date, of the selected decisions: from the dossier's step rows (one indexed
     * query; the engine's history was asked twice with every selected decision's number, 15 % of the supervision
     * page's CPU at 50,000 decisions on PostgreSQL, issue 17).
     */
    private List<LateStep> lateSteps(Map<Long, Decision> byId) {
        return queries.lateSteps(byId.keySet()).stream().map(l -> {
            Decision d = byId.get(l.decisionId());
            return new LateStep(d.number(), d.title(), l.taskName(), l.due(), l.completed());
        }).toList();
    }

    /** Every open step of the selection as CSV for Excel: UTF-8 with BOM, Chinese headings (UI.md); one query. */
    public byte[] csv(Filter filter) {
        OffsetDateTime now = clock.now();
        LocalDate soonLimit = calendar.addWorkingDays(now.toLocalDate(), SOON_WORKING_DAYS);
        var csv = new cn.juece.support.Csv(List.of("决策编号", "决策事项", "承办单位", "待办环节", "办理单位/角色", "开始时间", "办理期限", "状态"));
        for (Step s : queries.openSteps(filter.selection(organs(filter)), true, 0, -1).stream()
                .map(r -> step(r, now, soonLimit)).toList()) {
            csv.row(java.util.Arrays.asList(s.decisionNumber(), s.decisionTitle(), s.unitName(), s.step(), s.groups(),
                    s.created().toLocalDateTime().toString().replace('T', ' ').substring(0, 16),
                    s.due() == null ? "" : s.due().toLocalDate() + (s.provisional() ? "（暂定）" : ""), stateLabel(s.state())));
        }
        return csv.bytes();
    }

    public static String stateLabel(String state) {
        return switch (state) {
            case "OVERDUE" -> "逾期";
            case "SOON" -> "即将到期";
            case "ON_TIME" -> "期限内";
            case "MINIMUM_RUNNING" -> "最短期限未满";
            case "MAY_CLOSE" -> "已满最短期限，可办结";
            default -> "未设期限";
        };
    }

}

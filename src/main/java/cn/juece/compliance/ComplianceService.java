package cn.juece.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

import cn.juece.calendar.PeriodKind;
import cn.juece.calendar.StatutoryPeriod;
import cn.juece.compliance.ComplianceReport.DraftRef;
import cn.juece.compliance.ComplianceReport.Evidence;
import cn.juece.compliance.ComplianceReport.Line;
import cn.juece.compliance.ComplianceReport.Status;
import cn.juece.compliance.ProcessMap.TaskInfo;
import cn.juece.deadline.PeriodDeviation;
import cn.juece.deadline.StepPeriod;
import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.document.DocumentService;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.drafting.Arrangement;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGateRegistry;
import cn.juece.workflow.Step;
import cn.juece.workflow.Steps;

/**
 * Computes a decision's compliance report (issue 16) from the one registry of stage gates, the statutory periods
 * and the dossier: no rule is written here. For every user task of every stage (read from bpmn/), each gate the
 * registry holds for it is judged on where the matter stands:
 * <ul>
 * <li>a closed step: the gate's own predicate against the dossier as it was when the step closed (the materials up to
 * the step's watermark, its outcome and reason) — met, not applicable (another outcome, a case that does not hold),
 * or deviation approved (a "一般" minimum shortened with the head's reason);</li>
 * <li>an open step: met now, or not yet due;</li>
 * <li>a step cancelled without being closed while the matter went on (an operator moved the run): unmet;</li>
 * <li>a step never opened: not yet due when its stage lies ahead; not applicable when the path did not take it (a
 * branch, a procedure not held with its recorded ground, the procedure ended); unmet when the matter reached a stage
 * that every way through the lifecycle reaches only through this one.</li>
 * </ul>
 * Deadline periods ("…内") of the steps add a line each: closed by the last day, or late.
 */
@Service
public class ComplianceService {

    static final String PERIOD_GATE = "PERIOD_MINIMUM_NOT_MET";
    static final String REASON_GATE = "REASON_REQUIRED";
    private static final Map<Stage, Procedure> PROCEDURES = Map.of(Stage.PARTICIPATION, Procedure.PARTICIPATION,
            Stage.EXPERT, Procedure.EXPERT, Stage.RISK, Procedure.RISK);

    private final StageGateRegistry registry;
    private final ProcessMap map;
    private final Steps steps;
    private final MaterialService materials;
    private final StepPeriods periods;
    private final ArrangementService arrangements;
    private final HistoryService history;
    private final Directory directory;
    private final AppClock clock;

    ComplianceService(StageGateRegistry registry, ProcessMap map, Steps steps, MaterialService materials, StepPeriods periods,
                      ArrangementService arrangements, HistoryService history, Directory directory, AppClock clock) {
        this.registry = registry;
        this.map = map;
        this.steps = steps;
        this.materials = materials;
        this.periods = periods;
        this.arrangements = arrangements;
        this.history = history;
        this.directory = directory;
        this.clock = clock;
    }

    /** Where a stage's process stands for the decision. */
    enum StageRun { NEVER, RUNNING, COMPLETED, ENDED }

    /** The report as of now. */
    public ComplianceReport report(Decision d) {
        Facts f = new Facts(d);
        List<Line> lines = new ArrayList<>();
        for (TaskInfo task : map.tasks()) {
            List<StageGate> gates = registry.ofTask(task.key());
            Map<String, List<Step>> byUnit = f.steps.getOrDefault(task.key(), List.of()).stream()
                    .collect(Collectors.groupingBy(s -> s.subjectUnit() == null ? "" : s.subjectUnit(), LinkedHashMap::new, Collectors.toList()));
            if (byUnit.isEmpty()) {
                byUnit.put("", List.of());
            }
            for (Map.Entry<String, List<Step>> e : byUnit.entrySet()) {
                String unit = e.getKey().isEmpty() ? null : directory.unitName(e.getKey());
                for (StageGate gate : gates) {
                    lines.add(line(f, task, unit, e.getValue(), gate, lines.size() + 1));
                }
                deadlineLine(f, task, unit, e.getValue(), lines.size() + 1).ifPresent(lines::add);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), (int) lines.stream().filter(l -> l.status() == s).count());
        }
        return new ComplianceReport(d.number(), d.title(), directory.unitName(d.leadUnit()), d.stage().label(),
                d.status().label(), clock.now(), f.draft().orElse(null), counts, lines);
    }

    /** The newest 决策草案 its providers gave (what a submission carries). */
    public Optional<DraftRef> draft(Decision d) {
        return new Facts(d).draft();
    }

    // ---- one gate of one step ----

    private Line line(Facts f, TaskInfo task, String unit, List<Step> stepsOfTask, StageGate gate, int no) {
        Optional<Step> closed = stepsOfTask.stream().filter(s -> s.state() == Step.State.COMPLETED).reduce((a, b) -> b);
        Optional<Step> open = stepsOfTask.stream().filter(Step::isOpen).reduce((a, b) -> b);
        Judgement j;
        Step judged = null;
        if (open.isPresent()) {
            judged = open.get();
            j = openStep(f, task, judged, gate);
        } else if (closed.isPresent()) {
            judged = closed.get();
            j = closedStep(f, task, judged, gate);
        } else if (!stepsOfTask.isEmpty()) {
            judged = stepsOfTask.get(stepsOfTask.size() - 1);
            j = cancelledStep(f, judged, gate);
        } else {
            j = neverOpened(f, task);
        }
        return new Line(no, task.stage().name(), task.stage().label(), task.key(), task.name(), unit,
                judged == null ? null : judged.round(), gate.article(), gate.code(), gate.requirement(), j.status,
                j.status.label(), j.note, j.evidence);
    }

    private record Judgement(Status status, String note, List<Evidence> evidence) {
    }

    private Judgement closedStep(Facts f, TaskInfo task, Step step, StageGate gate) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(record(f, task, step));
        if (!gate.outcomes().isEmpty() && !gate.outcomes().contains(step.outcome())) {
            return new Judgement(Status.NOT_APPLICABLE, "仅适用于办理结果为" + labels(task, gate.outcomes()) + "的情形；本环节的办理结果为“"
                    + task.outcomes().getOrDefault(step.outcome(), step.outcome()) + "”。", evidence);
        }
        String reason = f.reasons.get(step.id());
        GateContext ctx = context(f, step, step.outcome(), reason, step.materialWatermark());
        Boolean applies = applies(gate, ctx);
        if (Boolean.FALSE.equals(applies)) {
            return new Judgement(Status.NOT_APPLICABLE, "本事项不属于该要求适用的情形。", evidence);
        }
        if (PERIOD_GATE.equals(gate.code())) {
            Optional<StepPeriod> period = f.period(step.taskId());
            period.ifPresent(p -> evidence.add(period(p)));
            Optional<PeriodDeviation> deviation = period.flatMap(p -> f.deviation(p.id()));
            if (deviation.isPresent()) {
                evidence.add(deviation(deviation.get()));
                return new Judgement(Status.DEVIATION_APPROVED, deviationNote(deviation.get()), evidence);
            }
            if (period.isPresent() && period.get().earliestClose() != null && step.completedAt() != null
                    && step.completedAt().toLocalDate().isBefore(period.get().earliestClose())) {
                return new Judgement(Status.UNMET, "本环节于" + step.completedAt().toLocalDate() + "办结，早于最短期限届满之日"
                        + period.get().earliestClose() + "，且无经批准的缩短。", evidence);
            }
            return new Judgement(Status.MET, period.map(p -> p.earliestClose() == null ? "本环节未计最短期限。"
                    : "最短期限于" + p.earliestClose() + "届满，本环节于" + step.completedAt().toLocalDate() + "办结。").orElse(null), evidence);
        }
        if (REASON_GATE.equals(gate.code())) {
            if (reason != null) {
                evidence.add(Evidence.of("REASON", "理由", reason));
            }
            return new Judgement(Status.MET, reason == null ? "办结时已按要求填写理由并经系统核验。" : null, evidence);
        }
        material(f, gate, ctx).ifPresent(evidence::add);
        if (met(gate, ctx)) {
            return new Judgement(Status.MET, null, evidence);
        }
        // The step closed through the one rule check (TaskRules), which tested this gate at that moment. Some gates read
        // the record of the step while it is open (the open review, the current round, the meeting item in discussion)
        // and cannot be recomputed once it has closed: the closing record is then the evidence.
        return new Judgement(Status.MET, "本环节办结时已由系统逐项核验该要求（该要求针对办理中的环节核验，办结后以办结记录为证）。", evidence);
    }

    private Judgement openStep(Facts f, TaskInfo task, Step step, StageGate gate) {
        List<Evidence> evidence = new ArrayList<>();
        GateContext ctx = context(f, step, null, null, null);
        Boolean applies = applies(gate, ctx);
        if (Boolean.FALSE.equals(applies)) {
            return new Judgement(Status.NOT_APPLICABLE, "本事项不属于该要求适用的情形。", evidence);
        }
        if (PERIOD_GATE.equals(gate.code())) {
            Optional<StepPeriod> period = f.period(step.taskId());
            period.ifPresent(p -> evidence.add(period(p)));
            Optional<PeriodDeviation> deviation = period.flatMap(p -> f.deviation(p.id()));
            if (deviation.isPresent()) {
                evidence.add(deviation(deviation.get()));
                return new Judgement(Status.DEVIATION_APPROVED, deviationNote(deviation.get()), evidence);
            }
            if (met(gate, ctx)) {
                return new Judgement(Status.MET, period.map(p -> p.earliestClose() == null ? null
                        : "最短期限已于" + p.earliestClose() + "届满。").orElse(null), evidence);
            }
            return new Judgement(Status.NOT_YET_DUE, period.map(p -> "本环节办理中，最短期限" + p.earliestClose() + "届满后方可办结。")
                    .orElse("本环节办理中。"), evidence);
        }
        if (REASON_GATE.equals(gate.code()) || !gate.outcomes().isEmpty() && !met(gate, ctx)) {
            return new Judgement(Status.NOT_YET_DUE, "本环节办理中；"
                    + (gate.outcomes().isEmpty() ? "办结时填写。" : "办理结果为" + labels(task, gate.outcomes()) + "时适用。"), evidence);
        }
        if (applies == null) {
            return new Judgement(Status.NOT_YET_DUE, "本环节办理中；是否适用待确定。", evidence);
        }
        material(f, gate, ctx).ifPresent(evidence::add);
        if (met(gate, ctx)) {
            return new Judgement(Status.MET, "本环节办理中，现已具备。", evidence);
        }
        return new Judgement(Status.NOT_YET_DUE, "本环节办理中，办结前须具备：" + refusal(gate, ctx), evidence);
    }

    private Judgement cancelledStep(Facts f, Step step, StageGate gate) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("RECORD", "办理记录", "第" + step.round() + "轮“" + step.taskName() + "”于" + day(step.completedAt())
                + "被取消，未经办结"));
        if (!f.decision.isOpen()) {
            return new Judgement(Status.NOT_APPLICABLE, "决策程序已结束（" + f.decision.status().label() + "），本环节未办结。", evidence);
        }
        if (REASON_GATE.equals(gate.code()) && !gate.outcomes().isEmpty()) {
            return new Judgement(Status.NOT_APPLICABLE, "本环节未作出办理结果。", evidence);
        }
        return new Judgement(Status.UNMET, "本环节未经办结即被取消（流程运行位置被改写），事项已继续办理；该要求未经核验。", evidence);
    }

    private Judgement neverOpened(Facts f, TaskInfo task) {
        Stage stage = task.stage();
        StageRun run = f.run(stage);
        Procedure procedure = PROCEDURES.get(stage);
        Arrangement arrangement = procedure == null ? null : f.arrangements.get(procedure);
        if (arrangement != null && !arrangement.required() && run == StageRun.NEVER) {
            String ground = arrangement.groundLabel() == null ? "" : arrangement.groundLabel() + "；";
            return new Judgement(Status.NOT_APPLICABLE, "不开展" + procedure.label() + "（" + procedure.article() + "）：" + ground
                    + "理由：" + arrangement.reason(), List.of(new Evidence("ARRANGEMENT", "程序安排", "不开展" + procedure.label() + "："
                    + ground + arrangement.reason(), null, null, null, f.name(arrangement.recordedBy()),
                    arrangement.recordedAt(), null, null)));
        }
        switch (run) {
            case RUNNING:
                return new Judgement(Status.NOT_YET_DUE, task.mandatory() ? "“" + stage.label() + "”阶段办理中，尚未到达本环节。"
                        : "“" + stage.label() + "”阶段办理中；本环节" + when(task.when()) + "。", List.of());
            case COMPLETED:
            case ENDED:
                if (task.mandatory() && run == StageRun.ENDED && f.decision.isOpen()) {
                    return new Judgement(Status.UNMET, "“" + stage.label() + "”阶段未经本环节即已结束（流程运行位置被改写）。", List.of());
                }
                if (!f.decision.isOpen() && run == StageRun.ENDED) {
                    return new Judgement(Status.NOT_APPLICABLE, "决策程序已结束（" + f.decision.status().label() + "），未经过本环节。", List.of());
                }
                return new Judgement(Status.NOT_APPLICABLE, "本事项办理中未经过本环节（" + when(task.when()) + "）。", List.of());
            default:
                break;
        }
        // the stage was never entered
        for (Stage later : f.entered()) {
            if (later.number() > stage.number() && map.mustPrecede(stage, later)) {
                return new Judgement(Status.UNMET, "未经“" + stage.label() + "”阶段即进入了“" + later.label() + "”阶段（流程运行位置被改写）。", List.of());
            }
        }
        if (arrangement != null && arrangement.required() && f.entered().stream().anyMatch(s -> s.number() > Stage.RISK.number())) {
            return new Judgement(Status.UNMET, "程序安排确定开展" + procedure.label() + "，但事项未经该阶段即进入了后续阶段。", List.of());
        }
        if (!f.decision.isOpen()) {
            return new Judgement(Status.NOT_APPLICABLE, "决策程序已结束（" + f.decision.status().label() + "），未进入“" + stage.label() + "”阶段。", List.of());
        }
        if (f.entered().stream().anyMatch(s -> s.number() > stage.number() && !PROCEDURES.containsKey(s))) {
            String why = map.stageWhen(stage);
            return new Judgement(Status.NOT_APPLICABLE, "本事项未经过“" + stage.label() + "”阶段" + (why == null ? "" : "（该阶段仅在“" + why + "”时办理）")
                    + "。", List.of());
        }
        return new Judgement(Status.NOT_YET_DUE, "尚未进入“" + stage.label() + "”阶段。", List.of());
    }

    /** A deadline period ("…内") of the task's latest step: closed by its last day, or late. */
    private Optional<Line> deadlineLine(Facts f, TaskInfo task, String unit, List<Step> stepsOfTask, int no) {
        for (int i = stepsOfTask.size() - 1; i >= 0; i--) {
            Step step = stepsOfTask.get(i);
            Optional<StepPeriod> found = f.period(step.taskId());
            if (found.isEmpty()) {
                continue;
            }
            StepPeriod p = found.get();
            StatutoryPeriod sp = periods.period(p.periodCode());
            if (sp == null || sp.kind() != PeriodKind.DEADLINE || p.endOn() == null) {
                return Optional.empty();
            }
            List<Evidence> evidence = new ArrayList<>(List.of(period(p)));
            Status status;
            String note;
            LocalDate today = clock.today();
            if (step.state() == Step.State.COMPLETED) {
                evidence.add(record(f, task, step));
                LocalDate doneOn = step.completedAt().toLocalDate();
                status = doneOn.isAfter(p.endOn()) ? Status.UNMET : Status.MET;
                note = "期限截止" + p.endOn() + "，于" + doneOn + "办结" + (status == Status.UNMET ? "（逾期）。" : "。");
            } else if (step.isOpen()) {
                status = today.isAfter(p.endOn()) ? Status.UNMET : Status.NOT_YET_DUE;
                note = status == Status.UNMET ? "期限已于" + p.endOn() + "届满，本环节尚未办结（逾期）。" : "本环节办理中，期限截止" + p.endOn() + "。";
            } else {
                status = f.decision.isOpen() ? Status.UNMET : Status.NOT_APPLICABLE;
                note = "本环节未经办结即被取消。";
            }
            return Optional.of(new Line(no, task.stage().name(), task.stage().label(), task.key(), task.name(), unit, step.round(),
                    sp.article(), sp.code(), sp.nameZh() + "：" + sp.describe(), status, status.label(), note, evidence));
        }
        return Optional.empty();
    }

    // ---- helpers ----

    /** The dossier as the gate sees it for this step; with a watermark, only the material versions up to it. */
    private GateContext context(Facts f, Step step, String outcome, String reason, Long watermark) {
        Supplier<List<Material>> loader = watermark == null ? () -> f.materials : () -> f.materials.stream()
                .map(m -> new Material(m.id(), m.decisionId(), m.type(), m.title(), m.createdBy(), m.createdAt(),
                        m.versions().stream().filter(v -> v.id() <= watermark).toList()))
                .filter(m -> !m.versions().isEmpty()).toList();
        return new GateContext(f.decision, step.taskKey(), outcome, reason, loader, f.roundStartsAfter(step),
                type -> f.providers.computeIfAbsent(type, t -> materials.providers(f.decision, t)));
    }

    private static Boolean applies(StageGate gate, GateContext ctx) {
        if (gate.applies() == null) {
            return Boolean.TRUE;
        }
        try {
            return gate.applies().apply(ctx);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean met(StageGate gate, GateContext ctx) {
        try {
            return gate.met().test(ctx);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String refusal(StageGate gate, GateContext ctx) {
        try {
            return gate.refusal().apply(ctx);
        } catch (RuntimeException e) {
            return gate.requirement();
        }
    }

    private Optional<Evidence> material(Facts f, StageGate gate, GateContext ctx) {
        if (gate.evidence() == null) {
            return Optional.empty();
        }
        try {
            return gate.evidence().apply(ctx).map(v -> new Evidence("MATERIAL", "材料", "《" + ctx.materialOf(v).map(Material::title)
                    .orElse("材料") + "》第" + v.versionNo() + "版（" + v.fileName() + "）", v.id(), v.versionNo(), v.sha256(),
                    f.name(v.uploadedBy()) + (v.providedFor() == null ? "" : "（" + directory.groupName(v.providedFor()) + "）"),
                    v.uploadedAt(), null, null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Evidence record(Facts f, TaskInfo task, Step step) {
        String outcome = step.outcome() == null ? "" : "，结果：" + task.outcomes().getOrDefault(step.outcome(), step.outcome());
        return new Evidence("RECORD", "办理记录", "第" + step.round() + "轮“" + step.taskName() + "”办结" + outcome, null, null, null,
                f.name(step.completedBy()) + (step.actedFor() == null ? "" : "（" + directory.groupName(step.actedFor()) + "）"),
                step.completedAt(), null, null);
    }

    private Evidence period(StepPeriod p) {
        StatutoryPeriod sp = periods.period(p.periodCode());
        String name = sp == null ? p.periodCode() : sp.nameZh() + "（" + sp.describe() + "，" + sp.article() + "）";
        StringBuilder text = new StringBuilder(name).append("：自").append(p.startedOn()).append("起算");
        if (p.earliestClose() != null) {
            text.append("，最早").append(p.earliestClose()).append("可办结");
        }
        if (p.endOn() != null) {
            text.append("，截止").append(p.endOn());
        }
        if (p.pausedDays() > 0) {
            text.append("，扣除不计入期限的").append(p.pausedDays()).append("个工作日");
        }
        return new Evidence("PERIOD", "期限", text.toString(), null, null, null, null, null, p.startedOn(),
                p.earliestClose() != null ? p.earliestClose() : p.endOn());
    }

    private static Evidence deviation(PeriodDeviation d) {
        return new Evidence("DEVIATION", "变通", d.periodName() + "经" + d.approverName() + "批准缩短：" + d.reason(), null, null, null,
                d.approverName(), d.approvedAt(), null, null);
    }

    private static String deviationNote(PeriodDeviation d) {
        return "“一般”最短期限经本单位负责人" + d.approverName() + "于" + day(d.approvedAt()) + "批准缩短，理由：" + d.reason();
    }

    private static String labels(TaskInfo task, Set<String> outcomes) {
        List<String> ordered = new ArrayList<>(task.outcomes().keySet().stream().filter(outcomes::contains).toList());
        outcomes.stream().filter(c -> !task.outcomes().containsKey(c)).sorted().forEach(ordered::add);
        return String.join("或", ordered.stream().map(c -> "“" + task.outcomes().getOrDefault(c, c) + "”").toList());
    }

    private static String when(String when) {
        return when == null ? "仅在特定情形下办理" : "仅在“" + when + "”时办理";
    }

    private static String day(java.time.OffsetDateTime t) {
        return t == null ? "" : DocumentService.cnDate(t.atZoneSameInstant(AppClock.ZONE).toLocalDate());
    }

    /** What the report reads once per decision. */
    private final class Facts {

        final Decision decision;
        final Map<String, List<Step>> steps;
        final List<Material> materials;
        final Map<Procedure, Arrangement> arrangements;
        final Map<Stage, StageRun> runs = new EnumMap<>(Stage.class);
        final List<PeriodDeviation> deviations;
        final Map<MaterialType, List<String>> providers = new java.util.HashMap<>();
        // read once for the whole report, not once per gate of each step (issue 17: the annex written at the
        // submissions for legality review and to the meeting asked for each step's reason, round, period and the
        // names on its records as many times as the step has gates)
        final Map<Long, String> reasons;
        final Map<String, StepPeriod> periodsByTask = new java.util.HashMap<>();
        private final Map<Long, Long> roundStarts = new java.util.HashMap<>();
        private final Map<String, String> names = new java.util.HashMap<>();

        Facts(Decision d) {
            this.decision = d;
            this.steps = ComplianceService.this.steps.ofDecision(d.id()).stream()
                    .collect(Collectors.groupingBy(Step::taskKey, LinkedHashMap::new, Collectors.toList()));
            this.materials = ComplianceService.this.materials.materials(d.id());
            this.arrangements = ComplianceService.this.arrangements.arrangements(d.id());
            this.deviations = periods.deviations(d.id());
            this.reasons = ComplianceService.this.steps.reasons(d.id());
            periods.forDecision(d.id()).forEach(p -> periodsByTask.put(p.taskId(), p));
            List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(d.number()).list();
            for (Stage s : Stage.values()) {
                List<HistoricProcessInstance> of = instances.stream().filter(pi -> s.processKey().equals(pi.getProcessDefinitionKey()))
                        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)).toList();
                StageRun run = StageRun.NEVER;
                if (of.stream().anyMatch(pi -> pi.getEndTime() == null)) {
                    run = StageRun.RUNNING;
                } else if (!of.isEmpty()) {
                    run = "COMPLETED".equals(of.get(of.size() - 1).getState()) ? StageRun.COMPLETED : StageRun.ENDED;
                }
                runs.put(s, run);
            }
        }

        Optional<StepPeriod> period(String taskId) {
            return Optional.ofNullable(periodsByTask.get(taskId));
        }

        long roundStartsAfter(Step step) {
            return roundStarts.computeIfAbsent(step.id(), id -> ComplianceService.this.steps.roundStartsAfter(step));
        }

        String name(String userId) {
            return userId == null ? directory.displayName(null) : names.computeIfAbsent(userId, directory::displayName);
        }

        StageRun run(Stage s) {
            return runs.getOrDefault(s, StageRun.NEVER);
        }

        List<Stage> entered() {
            return runs.entrySet().stream().filter(e -> e.getValue() != StageRun.NEVER).map(Map.Entry::getKey).toList();
        }

        Optional<PeriodDeviation> deviation(long stepPeriodId) {
            return deviations.stream().filter(x -> x.stepPeriodId() == stepPeriodId).reduce((a, b) -> b);
        }

        Optional<DraftRef> draft() {
            List<String> by = ComplianceService.this.materials.providers(decision, MaterialType.DRAFT);
            return materials.stream().filter(m -> m.type() == MaterialType.DRAFT).flatMap(m -> m.versions().stream())
                    .filter(v -> by.isEmpty() || v.providedFor() == null || by.contains(v.providedFor()))
                    .max(Comparator.comparingLong(MaterialVersion::id))
                    .map(v -> new DraftRef(v.id(), v.versionNo(), v.fileName(), v.sha256(), v.uploadedAt()));
        }
    }
}

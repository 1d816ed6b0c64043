package cn.juece.execution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.DecisionUnits;
import cn.juece.access.EngineGrants;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.OrgUnit;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.AsEngine;
import cn.juece.workflow.Step;
import cn.juece.workflow.Steps;

/**
 * Art. 53: the decision organ names the execution units, divides the work among them (unit, task, deadline) and sets
 * the report cycle, while its step "明确决策执行单位并分解执行任务" is open. The units it names act on their own steps
 * and see the decision ({@link DecisionUnits}); nobody stands in for them. Also the BPMN's {@code executionPlan} bean:
 * the collection of the per-unit execution.
 */
@Service("executionPlan")
public class ExecutionPlan implements DecisionUnits {

    static final String PROCESS = "stage-execution";
    static final String ASSIGN_TASK = "execution-assign";
    static final int MAX_TASK = 1000;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final EngineGrants grants;
    private final Steps steps;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final AppClock clock;
    private final AsEngine asEngine;

    ExecutionPlan(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Directory directory, EngineGrants grants,
                  Steps steps, RuntimeService runtime, AuditTrail audit, AppClock clock, AsEngine asEngine) {
        this.asEngine = asEngine;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.grants = grants;
        this.steps = steps;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cycle and first report day of the current run of execution (both null until set). */
    public record Plan(long decisionId, int runNo, ReportCycle cycle, LocalDate firstReportOn, String recordedBy,
                       OffsetDateTime recordedAt) {

        public boolean complete() {
            return cycle != null && firstReportOn != null;
        }
    }

    /** An execution unit with its task and deadline. */
    public record UnitTask(long id, long decisionId, String unitCode, String task, LocalDate deadline, String namedBy,
                           OffsetDateTime namedAt) {
    }

    // ---- the BPMN ------------------------------------------------------------------------------------------

    /** The units of the per-unit execution (the multi-instance collection), in the order they were named. */
    public List<String> units(DelegateExecution execution) {
        return units(decisions.of(execution).id()).stream().map(UnitTask::unitCode).toList();
    }

    // ---- who acts and sees (Art. 53) ----------------------------------------------------------------------

    @Override
    public Responsible party() {
        return Responsible.EXECUTION_UNIT;
    }

    @Override
    public Set<String> unitsOf(Decision decision) {
        Set<String> units = new LinkedHashSet<>();
        units(decision.id()).forEach(u -> units.add(u.unitCode()));
        return units;
    }

    @Override
    public String decisionIdsOfUnitsSql() {
        return "SELECT e.decision_id FROM juece.execution_unit e WHERE e.unit_code IN (:units)";
    }

    // ---- the organ's acts ---------------------------------------------------------------------------------

    /** Art. 53: the report cycle and the first report day (a report day on a rest day moves to the next working day). */
    @Transactional
    public Plan setCycle(String number, String cycleCode, LocalDate firstReportOn) {
        Decision d = decisions.get(number);
        Actor actor = requireOrganWhileAssigning(d);
        ReportCycle cycle = ReportCycle.parse(cycleCode);
        if (cycle == null) {
            throw RuleViolation.badRequest("REPORT_CYCLE_REQUIRED", "请选择定期报告执行情况的周期：每月、每季度、每半年或每年（第五十三条）。");
        }
        if (firstReportOn == null) {
            throw RuleViolation.badRequest("FIRST_REPORT_DAY_REQUIRED", "请填写首次报告日（第五十三条）。");
        }
        if (firstReportOn.isBefore(clock.today())) {
            throw RuleViolation.badRequest("FIRST_REPORT_DAY_PAST", "首次报告日不能早于今天（" + clock.today() + "）。");
        }
        int run = openAssign(d).map(Step::round).orElse(1);
        if (plan(d.id()).isPresent()) {
            jdbc.sql("UPDATE juece.execution_plan SET run_no = ?, report_cycle = ?, first_report_on = ?, recorded_by = ?, recorded_at = ? WHERE decision_id = ?")
                    .params(run, cycle.name(), firstReportOn, actor.id(), clock.now(), d.id()).update();
        } else {
            jdbc.sql("INSERT INTO juece.execution_plan (decision_id, run_no, report_cycle, first_report_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(d.id(), run, cycle.name(), firstReportOn, actor.id(), clock.now()).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_PLAN_RECORDED, "确定定期报告执行情况的周期：" + cycle.label()
                + "，首次报告日" + firstReportOn + "（遇休息日顺延至下一个工作日，第五十三条）");
        return plan(d.id()).orElseThrow();
    }

    /** Art. 53: names an execution unit with its task and deadline (or changes them). */
    @Transactional
    public UnitTask nameUnit(String number, String unitCode, String task, LocalDate deadline) {
        Decision d = decisions.get(number);
        Actor actor = requireOrganWhileAssigning(d);
        if (unitCode == null || unitCode.isBlank()) {
            throw RuleViolation.badRequest("EXECUTION_UNIT_REQUIRED", "请选择决策执行单位（第五十三条）。");
        }
        OrgUnit unit = directory.unit(unitCode.strip());
        if (!unit.organCode().equals(d.organCode())) {
            throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "“" + unit.name() + "”不属于本决策机关。");
        }
        String t = task == null ? "" : task.strip();
        if (t.isEmpty()) {
            throw RuleViolation.badRequest("EXECUTION_TASK_REQUIRED", "请写明" + unit.name() + "承担的执行任务及责任（第五十三条）。");
        }
        if (t.length() > MAX_TASK) {
            throw RuleViolation.badRequest("EXECUTION_TASK_TOO_LONG", "执行任务不超过" + MAX_TASK + "字；详细分工方案请作为材料上传。");
        }
        if (deadline == null) {
            throw RuleViolation.badRequest("EXECUTION_DEADLINE_REQUIRED", "请填写" + unit.name() + "完成执行任务的期限（第五十三条）。");
        }
        if (deadline.isBefore(clock.today())) {
            throw RuleViolation.badRequest("EXECUTION_DEADLINE_PAST", "完成期限不能早于今天（" + clock.today() + "）。");
        }
        boolean existed = unit(d.id(), unit.code()).isPresent();
        if (existed) {
            jdbc.sql("UPDATE juece.execution_unit SET task = ?, deadline = ?, named_by = ?, named_at = ? WHERE decision_id = ? AND unit_code = ?")
                    .params(t, deadline, actor.id(), clock.now(), d.id(), unit.code()).update();
        } else {
            jdbc.sql("INSERT INTO juece.execution_unit (decision_id, unit_code, task, deadline, named_by, named_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(d.id(), unit.code(), t, deadline, actor.id(), clock.now()).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_PLAN_RECORDED, (existed ? "修改" : "明确") + "决策执行单位："
                + unit.name() + "；任务：" + t + "；完成期限：" + deadline + "（第五十三条）");
        grants.sync(decisions.get(d.id()));
        return unit(d.id(), unit.code()).orElseThrow();
    }

    /** Removes a unit named by mistake, before execution starts. */
    @Transactional
    public void removeUnit(String number, String unitCode) {
        Decision d = decisions.get(number);
        Actor actor = requireOrganWhileAssigning(d);
        UnitTask u = unit(d.id(), unitCode).orElseThrow(() -> RuleViolation.notFound("EXECUTION_UNIT_NOT_FOUND",
                "“" + directory.unitName(unitCode) + "”不是该决策事项的执行单位。"));
        jdbc.sql("DELETE FROM juece.execution_unit WHERE id = ?").param(u.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_PLAN_RECORDED, "取消决策执行单位：" + directory.unitName(unitCode)
                + "（执行开始前更正，第五十三条）");
        grants.sync(decisions.get(d.id()));
    }

    /** The run of execution starts (execution-assign closed with ASSIGNED): its reports count from period 1. */
    void started(long decisionId, int run) {
        jdbc.sql("UPDATE juece.execution_plan SET run_no = ? WHERE decision_id = ?").params(run, decisionId).update();
    }

    private Actor requireOrganWhileAssigning(Decision d) {
        Actor actor = access.require(d, "明确决策执行单位并分解执行任务", "第五十三条", Responsible.DECISION_ORGAN);
        if (openAssign(d).isEmpty()) {
            throw new RuleViolation("EXECUTION_PLAN_LOCKED", "决策执行单位、任务和报告周期在“明确决策执行单位并分解执行任务”环节确定（第五十三条）；"
                    + "该环节现未在办理。执行开始后需要调整的，由决策机关依第五十五条研究决定修改决策。");
        }
        return actor;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public Optional<Plan> plan(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_plan WHERE decision_id = ?").param(decisionId)
                .query((rs, i) -> new Plan(rs.getLong("decision_id"), rs.getInt("run_no"), ReportCycle.parse(rs.getString("report_cycle")),
                        rs.getObject("first_report_on", LocalDate.class), rs.getString("recorded_by"),
                        time(rs.getObject("recorded_at", OffsetDateTime.class))))
                .optional();
    }

    public List<UnitTask> units(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_unit WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new UnitTask(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("unit_code"), rs.getString("task"),
                        rs.getObject("deadline", LocalDate.class), rs.getString("named_by"), time(rs.getObject("named_at", OffsetDateTime.class))))
                .list();
    }

    public Optional<UnitTask> unit(long decisionId, String unitCode) {
        return units(decisionId).stream().filter(u -> u.unitCode().equals(unitCode)).findFirst();
    }

    /** The organ's open step "明确决策执行单位并分解执行任务", if any. */
    public Optional<Step> openAssign(Decision d) {
        return openStep(d, ASSIGN_TASK);
    }

    /** Every step of the decision, in order. */
    public List<Step> stepsOf(Decision d) {
        return steps.ofDecision(d.id());
    }

    /** An open step of the decision with that key (the first one). */
    public Optional<Step> openStep(Decision d, String taskKey) {
        return steps.ofDecision(d.id()).stream().filter(s -> s.isOpen() && s.taskKey().equals(taskKey)).findFirst();
    }

    /**
     * The running execution stage's process instance, if the decision is in execution (looked up as the engine: the
     * person acting in Tasklist may not read every instance of the decision).
     */
    public Optional<ProcessInstance> stageInstance(Decision d) {
        return asEngine.get(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.number())
                .processDefinitionKey(PROCESS).active().list().stream().findFirst());
    }

    /** The units are at work: the execution stage runs and its units have been named (Art. 53). */
    public boolean working(Decision d) {
        return d.isOpen() && stageInstance(d).isPresent() && openAssign(d).isEmpty();
    }

    /** Whether the decision has entered execution at all (for records that belong to execution). */
    public boolean entered(Decision d) {
        return stageInstance(d).isPresent() || plan(d.id()).isPresent();
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}

package cn.juece.evaluation;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.DecisionUnits;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.execution.ExecutionPlan;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.OrgUnit;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.AsEngine;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepProjection;

/**
 * Art. 56: the decision organ tracks execution and decides, at any time during it (not only after it ends), whether to
 * evaluate, naming the unit that does the work and, when that unit commissions it, the third party. A third party
 * that did the main review or assessment work of the same matter (or drafted it on commission) is refused, with that
 * reason ({@link #conflicts}: the one check, fed by every stage's {@link PriorWork.Source}). The named unit acts as
 * the evaluator ({@link DecisionUnits}).
 */
@Service
public class EvaluationPlans implements DecisionUnits {

    static final String DECIDE_TASK = EvaluationService.DECIDE_TASK;
    static final String CONDUCT_TASK = "evaluation-conduct";
    static final Set<String> EVALUATION_TASKS = Set.of(DECIDE_TASK, CONDUCT_TASK, EvaluationService.RESOLVE_TASK);
    static final String REQUEST_MESSAGE = "evaluation-request";

    private final JdbcClient jdbc;
    private final DecisionAccess access;
    private final ExecutionPlan execution;
    private final Directory directory;
    private final ObjectProvider<PriorWork.Source> priorWork;
    private final ObjectProvider<StepProjection> projection;
    private final RuntimeService runtime;
    private final AsEngine asEngine;
    private final AuditTrail audit;
    private final AppClock clock;

    EvaluationPlans(JdbcClient jdbc, DecisionAccess access, ExecutionPlan execution, Directory directory,
                    ObjectProvider<PriorWork.Source> priorWork, ObjectProvider<StepProjection> projection, RuntimeService runtime,
                    AsEngine asEngine, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.execution = execution;
        this.directory = directory;
        this.priorWork = priorWork;
        this.projection = projection;
        this.runtime = runtime;
        this.asEngine = asEngine;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whom the organ named: the evaluating unit and the commissioned third party, if any. */
    public record Plan(long id, long decisionId, String taskId, String evaluatorUnit, String thirdParty, String note,
                       String recordedBy, OffsetDateTime recordedAt) {
    }

    // ---- during execution: the organ asks itself to decide -------------------------------------------------

    /** Opens the organ's step "决定是否开展决策后评估" while execution runs (Art. 56: at any time). */
    @Transactional
    public void request(String number) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "研究是否开展决策后评估", "第五十六条", Responsible.DECISION_ORGAN);
        if (!execution.working(d)) {
            throw new RuleViolation("EVALUATION_NOT_IN_EXECUTION", "执行期间，决策机关可以随时研究是否开展决策后评估（第五十六条）；"
                    + "该决策事项现不在执行中。执行完毕后的后评估在“决定是否开展决策后评估”环节办理。");
        }
        if (execution.stepsOf(d).stream().anyMatch(s -> s.isOpen() && EVALUATION_TASKS.contains(s.taskKey()))) {
            throw new RuleViolation("EVALUATION_ALREADY_OPEN", "该决策事项的决策后评估正在办理中（第五十六条、第五十七条）。");
        }
        var pi = execution.stageInstance(d).orElseThrow();
        asEngine.run(() -> runtime.createMessageCorrelation(REQUEST_MESSAGE).processInstanceId(pi.getId()).correlate());
        audit.record(actor, d.id(), d.number(), AuditAction.EVALUATION_REQUESTED, "决策机关在执行期间提请研究是否开展决策后评估（第五十六条）");
    }

    // ---- the organ names the evaluator ---------------------------------------------------------------------

    /**
     * Art. 56: names the evaluating unit (and the third party it commissions, if any) for the open step "决定是否开展
     * 决策后评估"; refused for a third party that did the main review or assessment work of this matter.
     */
    @Transactional
    public Plan name(String number, String evaluatorUnit, String thirdParty, String note) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "确定承担评估具体工作的单位", "第五十六条", Responsible.DECISION_ORGAN);
        Step step = openStep(d, DECIDE_TASK).orElseThrow(() -> new RuleViolation("EVALUATION_DECISION_NOT_DUE",
                "承担后评估工作的单位在“决定是否开展决策后评估”环节确定（第五十六条）；该环节现未在办理。"));
        if (evaluatorUnit == null || evaluatorUnit.isBlank()) {
            throw RuleViolation.badRequest("EVALUATOR_REQUIRED", "请确定承担评估具体工作的单位（第五十六条）。");
        }
        OrgUnit unit = directory.unit(evaluatorUnit.strip());
        if (!unit.organCode().equals(d.organCode())) {
            throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "“" + unit.name() + "”不属于本决策机关。");
        }
        String party = thirdParty == null || thirdParty.isBlank() ? null : thirdParty.strip();
        if (party != null && party.length() > 200) {
            throw RuleViolation.badRequest("THIRD_PARTY_TOO_LONG", "受委托第三方名称不超过200字。");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 1000) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "说明不超过1000字。");
        }
        if (party != null) {
            requireNoConflict(d, party);
        }
        jdbc.sql("""
                INSERT INTO juece.evaluation_plan (decision_id, task_id, evaluator_unit, third_party, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(d.id(), step.taskId(), unit.code(), party, why, actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.EVALUATION_PLAN_RECORDED, "确定承担决策后评估具体工作的单位：" + unit.name()
                + (party == null ? "" : "，委托第三方：" + party + "（未承担本事项主要论证和评估工作）") + (why == null ? "" : "；" + why)
                + "（第五十六条）");
        projection.getObject().resync(d);
        return latest(d.id()).orElseThrow();
    }

    /**
     * Art. 56: the one check of a commissioned third party against the work recorded for this matter: the prior work
     * of every stage ({@link PriorWork.Source}) whose organisation is the same as the one named.
     */
    public List<PriorWork> conflicts(Decision d, String organisation) {
        String named = normalise(organisation);
        return priorWork.orderedStream().flatMap(s -> s.priorWork(d).stream())
                .filter(w -> same(named, normalise(w.organisation()))).toList();
    }

    void requireNoConflict(Decision d, String organisation) {
        List<PriorWork> found = conflicts(d, organisation);
        if (!found.isEmpty()) {
            throw new RuleViolation("EVALUATOR_CONFLICT", "委托社会组织、专业机构等进行决策后评估的，应当选取决策制定过程中未承担主要论证和评估工作的第三方"
                    + "（第五十六条）。“" + organisation.strip() + "”在本事项中" + String.join("、", found.stream()
                    .map(w -> w.role() + "（" + w.article() + "）").distinct().toList()) + "，不能承担后评估工作。");
        }
    }

    // ---- reading and contributions -----------------------------------------------------------------------

    @Override
    public Responsible party() {
        return Responsible.EVALUATOR;
    }

    @Override
    public Set<String> unitsOf(Decision decision) {
        return latest(decision.id()).map(p -> Set.of(p.evaluatorUnit())).orElse(Set.of());
    }

    @Override
    public String decisionIdsOfUnitsSql() {
        return """
                SELECT p.decision_id FROM juece.evaluation_plan p WHERE p.evaluator_unit IN (:units)
                AND p.id = (SELECT MAX(p2.id) FROM juece.evaluation_plan p2 WHERE p2.decision_id = p.decision_id)""";
    }

    public List<Plan> plans(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.evaluation_plan WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Plan(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("task_id"),
                        rs.getString("evaluator_unit"), rs.getString("third_party"), rs.getString("note"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    public Optional<Plan> latest(long decisionId) {
        List<Plan> all = plans(decisionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The plan recorded for this evaluation-decide step, if any. */
    public Optional<Plan> forStep(long decisionId, String taskId) {
        return plans(decisionId).stream().filter(p -> p.taskId() != null && p.taskId().equals(taskId)).reduce((a, b) -> b);
    }

    Optional<Step> openStep(Decision d, String taskKey) {
        return execution.openStep(d, taskKey);
    }

    /** Names compared as people write them: width, spaces and brackets do not matter. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s·•()\\[\\]（）〔〕【】]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The same organisation: equal, or one name contained in the other (a short form of a long registered name). */
    static boolean same(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || (Math.min(a.length(), b.length()) >= 4 && (a.contains(b) || b.contains(a)));
    }
}

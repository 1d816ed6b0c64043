package cn.juece.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.drafting.Arrangement;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepProjection;
import cn.juece.workflow.Steps;

/**
 * Stage 6 as the rule sets it (Art. 36-40), kept as records of the dossier: who assesses (the lead unit or another
 * unit, itself or through a commissioned third-party organisation, Art. 36); the steps of Art. 38 — the plan, the
 * investigation with its visits to the most affected units and the groups with special difficulties, the analysis
 * of every kind of risk of Art. 37, the level — and the measures and contingency plan of the report (Art. 39); the
 * adjustment of the draft after an uncontrollable finding (Art. 40).
 * <p>
 * The assessment's records belong to its round, the round of the step "risk-assess" (2 after the draft was
 * adjusted): they are written while that step is open, by the assessor, and count for the gates only in their round
 * and only from the assessor in charge now (DECISIONS.md 24). Each check here carries its article, stable code and
 * Chinese message, and serves the gates of {@link RiskGates} (every path), the pages and /api.
 */
@Service
public class RiskRecords {

    static final String ASSESS_TASK = "risk-assess";
    static final String FINDING_TASK = "risk-finding";
    static final String ADJUST_TASK = "risk-adjust";
    static final int MAX_TEXT = 2000;
    static final int MAX_LONG_TEXT = 4000;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final Steps steps;
    private final StepProjection projection;
    private final ArrangementService arrangements;
    private final AssessorRegistry registry;
    private final MaterialService materials;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final int minReason;

    RiskRecords(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Responsibilities responsibilities, Steps steps,
                StepProjection projection, ArrangementService arrangements, AssessorRegistry registry, MaterialService materials,
                Directory directory, AuditTrail audit, AppClock clock,
                @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.responsibilities = responsibilities;
        this.steps = steps;
        this.projection = projection;
        this.arrangements = arrangements;
        this.registry = registry;
        this.materials = materials;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.minReason = minReason;
    }

    // ---- the records ----

    /** Art. 36: how the assessor assesses: itself, or through a commissioned third-party organisation. */
    public enum Mode {
        SELF("自行评估"),
        COMMISSIONED("委托第三方机构评估");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The written form of a commission. */
    public enum CommissionKind {
        CONTRACT("委托合同"),
        LETTER("委托书");

        private final String label;

        CommissionKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Art. 38 (二): the ways of investigating the rule names; a visit is the face-to-face hearing it asks for. */
    public enum Method {
        VISIT("重点走访，当面听取意见"),
        SYMPOSIUM("召开座谈会"),
        SURVEY("抽样调查"),
        OPINION_TRACKING("舆情跟踪"),
        CONSULTATION("会商分析"),
        OTHER("其他方式");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Art. 39 (二): whether the opinions heard were adopted. */
    public enum Adoption {
        ADOPTED("采纳"),
        PARTLY_ADOPTED("部分采纳"),
        NOT_ADOPTED("不采纳");

        private final String label;

        Adoption(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Art. 36: who assesses. {@code unit} null: the lead unit (it follows an Art. 12 change); otherwise another unit of
     * the organ. COMMISSIONED: the organisation and the commission (contract or letter) the unit recorded.
     */
    public record Assessor(long id, long decisionId, String unit, Mode mode, Long organisationId, String organisationName,
                           CommissionKind commissionKind, String commissionNumber, LocalDate commissionDate,
                           String commissionScope, String recordedBy, String recordedFor, OffsetDateTime recordedAt) {

        public boolean leadUnit() {
            return unit == null;
        }
    }

    /** Art. 38 (一): the assessment plan of a round. */
    public record Plan(long id, int round, String purpose, String scope, String standards, String methods, String schedule,
                       String recordedBy, String recordedFor, OffsetDateTime recordedAt) {
    }

    /** Art. 38 (二): one visit, symposium, survey… of a round, with the opinions heard and their adoption. */
    public record Investigation(long id, int round, Method method, String visited, LocalDate heldOn, boolean mostAffected,
                                boolean specialDifficulty, String opinions, Adoption adoption, String adoptionNote,
                                String recordedBy, String recordedFor, OffsetDateTime recordedAt) {

        /** A face-to-face visit to the units most affected (Art. 38 (二) 重点走访). */
        public boolean visitsMostAffected() {
            return method == Method.VISIT && mostAffected;
        }

        /** A face-to-face visit to a group with special difficulties (Art. 38 (二) 重点走访). */
        public boolean visitsSpecialDifficulty() {
            return method == Method.VISIT && specialDifficulty;
        }
    }

    /** Art. 37, 38 (三): one kind of risk of a round, assessed or not relevant (with the reason). */
    public record KindAnalysis(long id, int round, RiskKind kind, boolean relevant, String risks, RiskLevel likelihood,
                               RiskLevel impact, RiskLevel level, String reason, String recordedBy, String recordedFor,
                               OffsetDateTime recordedAt) {
    }

    /** Art. 38 (四), 39 (五): the level of a round and the assessor's view on controllability; measures and contingency plan. */
    public record Conclusion(long id, int round, RiskLevel level, Boolean controllable, String controllabilityNote,
                             String levelBy, String levelFor, OffsetDateTime levelAt, String measures, String contingencyPlan,
                             String measuresBy, String measuresFor, OffsetDateTime measuresAt) {

        public boolean hasLevel() {
            return level != null;
        }

        public boolean hasMeasures() {
            return measures != null && contingencyPlan != null;
        }
    }

    /** Art. 40: how the draft was adjusted after an uncontrollable finding (round of risk-adjust) and the new draft. */
    public record Adjustment(long id, int round, boolean measuresAdded, boolean contentChanged, String description,
                             Long draftVersionId, String recordedBy, String recordedFor, OffsetDateTime recordedAt) {
    }

    // ---- what people enter (strings, read here with the Chinese refusals) ----

    /** unit: blank for the lead unit itself, else another unit's code; mode SELF or COMMISSIONED. */
    public record AssessorRequest(String unit, String mode, Long organisationId, String commissionKind, String commissionNumber,
                                  LocalDate commissionDate, String commissionScope) {
    }

    public record PlanRequest(String purpose, String scope, String standards, String methods, String schedule) {
    }

    public record InvestigationRequest(String method, String visited, LocalDate heldOn, Boolean mostAffected,
                                       Boolean specialDifficulty, String opinions, String adoption, String adoptionNote) {
    }

    /** relevant false: reason required; true: risks, likelihood, impact and the kind's level. */
    public record AnalysisRequest(Boolean relevant, String risks, String likelihood, String impact, String level, String reason) {
    }

    public record LevelRequest(String level, Boolean controllable, String controllabilityNote) {
    }

    public record MeasuresRequest(String measures, String contingencyPlan) {
    }

    public record AdjustmentRequest(Boolean measuresAdded, Boolean contentChanged, String description) {
    }

    // ---- who assesses (Art. 36) ----

    /**
     * Art. 36: the lead unit names who assesses the draft — itself, or another unit responsible for risk assessment —
     * and whether that unit commissions a third-party organisation. Open steps of the assessor move at once.
     */
    @Transactional
    public Assessor nameAssessor(String number, AssessorRequest r) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "确定风险评估单位", "第三十六条", Responsible.LEAD_UNIT);
        boolean riskStepOpen = openStep(d, ASSESS_TASK).isPresent() || openStep(d, FINDING_TASK).isPresent()
                || openStep(d, ADJUST_TASK).isPresent();
        if (!riskStepOpen) {
            Arrangement a = arrangements.arrangements(d.id()).get(Procedure.RISK);
            if (d.stage() != Stage.DRAFTING || a == null || !a.required()) {
                throw new RuleViolation("RISK_ASSESSOR_NOT_NOW", "风险评估单位在确定开展风险评估后（草案拟定阶段）或风险评估阶段确定（第三十六条）。"
                        + (a == null ? "请先确定是否开展风险评估。" : a.required() ? "该事项当前不在上述阶段。" : "该事项已确定不开展风险评估。"));
            }
        }
        if (r == null) {
            throw RuleViolation.badRequest("RISK_ASSESSOR_INCOMPLETE", "请选择风险评估单位和评估方式（第三十六条）。");
        }
        String unit = r.unit() == null || r.unit().isBlank() ? null : r.unit().strip();
        if (unit != null && directory.units(d.organCode()).stream().noneMatch(u -> u.code().equals(unit))) {
            throw RuleViolation.badRequest("RISK_ASSESSOR_UNIT_UNKNOWN",
                    "“" + unit + "”不是" + directory.organ(d.organCode()).name() + "的单位。风险评估由决策承办单位或者负责风险评估工作的其他单位承担（第三十六条）。");
        }
        String assessorUnit = d.leadUnit().equals(unit) ? null : unit;
        Mode mode = parse(Mode.class, r.mode(), "RISK_ASSESSOR_MODE_INVALID", "评估方式",
                "SELF（自行评估）、COMMISSIONED（委托第三方机构评估）");
        if (mode == null) {
            throw RuleViolation.badRequest("RISK_ASSESSOR_MODE_INVALID", "请选择评估方式：自行评估，或委托专业机构、社会组织等第三方机构评估（第三十六条）。");
        }
        AssessorOrganisation org = null;
        CommissionKind kind = null;
        String commissionNo = null;
        String scope = null;
        LocalDate commissionDate = null;
        if (mode == Mode.COMMISSIONED) {
            if (r.organisationId() == null) {
                throw RuleViolation.badRequest("RISK_ORGANISATION_REQUIRED", "委托第三方机构评估的，请从第三方评估机构名录中选择受委托的机构（第三十六条）。");
            }
            org = registry.find(r.organisationId()).orElseThrow(() -> RuleViolation.badRequest("RISK_ORGANISATION_NOT_FOUND",
                    "第三方评估机构名录中没有编号为" + r.organisationId() + "的机构。"));
            if (!org.active()) {
                throw new RuleViolation("RISK_ORGANISATION_INACTIVE", "“" + org.name() + "”已在第三方评估机构名录中停用，不能委托。请选择其他机构，或请系统管理员核实后重新启用。");
            }
            kind = parse(CommissionKind.class, r.commissionKind(), "RISK_COMMISSION_INCOMPLETE", "委托文书",
                    "CONTRACT（委托合同）、LETTER（委托书）");
            commissionNo = text(r.commissionNumber(), 100, "委托合同（委托书）编号");
            scope = text(r.commissionScope(), 1000, "委托事项");
            commissionDate = r.commissionDate();
            List<String> missing = new ArrayList<>();
            if (kind == null) missing.add("委托文书（委托合同或委托书）");
            if (commissionNo == null) missing.add("编号");
            if (commissionDate == null) missing.add("签订日期");
            if (!missing.isEmpty()) {
                throw RuleViolation.badRequest("RISK_COMMISSION_INCOMPLETE", "委托第三方机构评估的，请记录委托文书：" + String.join("、", missing) + "（第三十六条）。");
            }
            if (commissionDate.isAfter(clock.today())) {
                throw RuleViolation.badRequest("RISK_COMMISSION_DATE_INVALID", "委托文书的签订日期不能晚于今天。");
            }
        }
        var now = clock.now();
        String actedFor = responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.LEAD_UNIT)));
        jdbc.sql("""
                INSERT INTO juece.risk_assessor (decision_id, assessor_unit, mode, organisation_id, commission_kind, commission_number,
                                                 commission_date, commission_scope, recorded_by, recorded_for, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), assessorUnit, mode.name(), org == null ? null : org.id(), kind == null ? null : kind.name(),
                        commissionNo, commissionDate, scope, actor.id(), actedFor, now)
                .update();
        Assessor named = assessor(d.id()).orElseThrow();
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_ASSESSOR_NAMED, describe(d, named) + "（第三十六条）");
        // Art. 36: the assessor acts on the stage's steps; a step already open moves to it (and its grants follow).
        projection.resync(d);
        return named;
    }

    /** The assessor in force (the newest record), if the lead unit has named one. */
    public Optional<Assessor> assessor(long decisionId) {
        return assessors(decisionId).stream().reduce((a, b) -> b);
    }

    /** Every assessor named for the decision, oldest first (a change is a new record). */
    public List<Assessor> assessors(long decisionId) {
        return jdbc.sql("""
                SELECT a.*, o.name AS organisation_name FROM juece.risk_assessor a
                LEFT JOIN juece.risk_assessor_org o ON o.id = a.organisation_id WHERE a.decision_id = ? ORDER BY a.id""")
                .param(decisionId).query(RiskRecords::mapAssessor).list();
    }

    /** Who assesses, in Chinese: 县自然资源局（负责风险评估工作的其他单位）委托…评估（委托合同 …）. */
    public String describe(Decision d, Assessor a) {
        String unit = a.leadUnit() ? directory.unitName(d.leadUnit()) + "（决策承办单位）"
                : directory.unitName(a.unit()) + "（负责风险评估工作的其他单位）";
        if (a.mode() == Mode.SELF) {
            return "风险评估单位：" + unit + "，自行评估";
        }
        return "风险评估单位：" + unit + "，委托" + a.organisationName() + "评估（" + a.commissionKind().label() + " " + a.commissionNumber()
                + "，" + a.commissionDate() + "签订" + (a.commissionScope() == null ? "" : "；委托事项：" + a.commissionScope()) + "）";
    }

    // ---- the steps of Art. 38 ----

    /** Art. 38 (一): the plan of this round (recorded again, it is corrected). */
    @Transactional
    public Plan recordPlan(String number, PlanRequest request) {
        PlanRequest r = request == null ? new PlanRequest(null, null, null, null, null) : request;
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "制定风险评估工作方案", "第三十八条", Responsible.RISK_ASSESSOR);
        int round = assessing(d);
        String purpose = text(r.purpose(), MAX_TEXT, "评估目的"), scope = text(r.scope(), MAX_TEXT, "评估对象与内容"),
                standards = text(r.standards(), MAX_TEXT, "评估标准"), methods = text(r.methods(), MAX_TEXT, "评估方法与步骤"),
                schedule = text(r.schedule(), MAX_TEXT, "时间安排");
        List<String> missing = new ArrayList<>();
        if (scope == null) missing.add("评估对象与内容");
        if (methods == null) missing.add("评估方法与步骤");
        if (schedule == null) missing.add("时间安排");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("RISK_PLAN_INCOMPLETE", "评估工作方案应当明确评估目的、评估对象与内容、评估标准、评估方法与步骤等；尚缺："
                    + String.join("、", missing) + "（第三十八条第一项）。");
        }
        var now = clock.now();
        String actedFor = actingForAssessor(d, actor);
        int updated = jdbc.sql("""
                UPDATE juece.risk_plan SET purpose = ?, scope = ?, standards = ?, methods = ?, schedule = ?, recorded_by = ?,
                       recorded_for = ?, recorded_at = ? WHERE decision_id = ? AND round = ?""")
                .params(purpose, scope, standards, methods, schedule, actor.id(), actedFor, now, d.id(), round).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO juece.risk_plan (decision_id, round, purpose, scope, standards, methods, schedule, recorded_by,
                                                 recorded_for, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), round, purpose, scope, standards, methods, schedule, actor.id(), actedFor, now).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, auditRound(round) + (updated == 0 ? "制定" : "修改")
                + "评估工作方案：评估对象与内容：" + scope + "；方法与步骤：" + methods + "；时间安排：" + schedule + "（第三十八条第一项）");
        return plan(d, round).orElseThrow();
    }

    /** Art. 38 (二): one visit, symposium, survey… of this round, with the opinions heard and their adoption. */
    @Transactional
    public Investigation recordInvestigation(String number, InvestigationRequest request) {
        InvestigationRequest r = request == null ? new InvestigationRequest(null, null, null, null, null, null, null, null) : request;
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "开展调查研究", "第三十八条", Responsible.RISK_ASSESSOR);
        int round = assessing(d);
        planMissing(d, round).ifPresent(m -> {
            throw new RuleViolation("RISK_PLAN_MISSING", m);
        });
        Method method = parse(Method.class, r.method(), "RISK_INVESTIGATION_INCOMPLETE", "调查方式",
                "VISIT（重点走访）、SYMPOSIUM（座谈会）、SURVEY（抽样调查）、OPINION_TRACKING（舆情跟踪）、CONSULTATION（会商分析）、OTHER（其他）");
        String visited = text(r.visited(), 500, "走访或听取意见的对象");
        String opinions = text(r.opinions(), MAX_TEXT, "听取的意见");
        Adoption adoption = parse(Adoption.class, r.adoption(), "RISK_INVESTIGATION_INCOMPLETE", "意见采纳情况",
                "ADOPTED（采纳）、PARTLY_ADOPTED（部分采纳）、NOT_ADOPTED（不采纳）");
        String note = text(r.adoptionNote(), 1000, "采纳情况说明");
        List<String> missing = new ArrayList<>();
        if (method == null) missing.add("调查方式");
        if (visited == null) missing.add("走访或听取意见的对象");
        if (r.heldOn() == null) missing.add("日期");
        if (opinions == null) missing.add("听取的意见");
        if (adoption == null) missing.add("意见采纳情况");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("RISK_INVESTIGATION_INCOMPLETE", "请填写调查研究的" + String.join("、", missing)
                    + "（第三十八条第二项、第三十九条第二项）。");
        }
        if (adoption != Adoption.ADOPTED && note == null) {
            throw RuleViolation.badRequest("RISK_ADOPTION_REASON_REQUIRED", "意见" + adoption.label() + "的，请说明理由（第三十九条第二项）。");
        }
        if (r.heldOn().isAfter(clock.today())) {
            throw RuleViolation.badRequest("RISK_INVESTIGATION_DATE_INVALID", "调查研究的日期不能晚于今天：记录已经开展的走访、座谈、调查。");
        }
        boolean mostAffected = Boolean.TRUE.equals(r.mostAffected());
        boolean special = Boolean.TRUE.equals(r.specialDifficulty());
        var now = clock.now();
        jdbc.sql("""
                INSERT INTO juece.risk_investigation (decision_id, round, method, visited, held_on, most_affected, special_difficulty,
                                                      opinions, adoption, adoption_note, recorded_by, recorded_for, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), round, method.name(), visited, r.heldOn(), mostAffected, special, opinions, adoption.name(), note,
                        actor.id(), actingForAssessor(d, actor), now)
                .update();
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, auditRound(round) + "调查研究：" + r.heldOn() + "，"
                + method.label() + "：" + visited + (mostAffected ? "（受决策事项影响较大的单位）" : "") + (special ? "（有特殊困难的群体）" : "")
                + "；意见：" + opinions + "；" + adoption.label() + (note == null ? "" : "：" + note) + "（第三十八条第二项）");
        return investigations(d, round).stream().max(Comparator.comparingLong(Investigation::id)).orElseThrow();
    }

    /** Art. 37, 38 (三): the analysis of one kind of risk of this round (recorded again, it is corrected). */
    @Transactional
    public KindAnalysis recordAnalysis(String number, String kindCode, AnalysisRequest r) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "分析论证风险", "第三十八条", Responsible.RISK_ASSESSOR);
        int round = assessing(d);
        RiskKind kind = RiskKind.parse(kindCode);
        investigationMissing(d, round).ifPresent(m -> {
            throw new RuleViolation("RISK_INVESTIGATION_INCOMPLETE", m);
        });
        if (r == null || r.relevant() == null) {
            throw RuleViolation.badRequest("RISK_KIND_ANALYSIS_INCOMPLETE", "请说明" + kind.label() + "是否存在（第三十七条" + kind.item() + "）。");
        }
        String risks = null, reason = null;
        RiskLevel likelihood = null, impact = null, level = null;
        if (r.relevant()) {
            risks = text(r.risks(), MAX_TEXT, "查找的风险点");
            likelihood = RiskLevel.parse(r.likelihood(), "发生可能性");
            impact = RiskLevel.parse(r.impact(), "影响程度");
            level = RiskLevel.parse(r.level(), "风险等级");
            List<String> missing = new ArrayList<>();
            if (risks == null) missing.add("查找的风险点");
            if (likelihood == null) missing.add("发生可能性（高、中、低）");
            if (impact == null) missing.add("影响程度（高、中、低）");
            if (level == null) missing.add("该类风险的等级");
            if (!missing.isEmpty()) {
                throw RuleViolation.badRequest("RISK_KIND_ANALYSIS_INCOMPLETE", "评估" + kind.label() + "的，请填写" + String.join("、", missing)
                        + "（第三十七条" + kind.item() + "、第三十八条第三项）。");
            }
        } else {
            reason = text(r.reason(), 1000, "理由");
            if (reason == null || reason.length() < minReason) {
                throw RuleViolation.badRequest("RISK_KIND_REASON_REQUIRED", "认为决策事项不涉及" + kind.label() + "的，请写明理由（不少于" + minReason
                        + "字）：为何不存在" + kind.description() + "的情形（第三十七条" + kind.item() + "）。");
            }
        }
        var now = clock.now();
        String actedFor = actingForAssessor(d, actor);
        int updated = jdbc.sql("""
                UPDATE juece.risk_kind_analysis SET relevant = ?, risks = ?, likelihood = ?, impact = ?, level = ?, reason = ?,
                       recorded_by = ?, recorded_for = ?, recorded_at = ? WHERE decision_id = ? AND round = ? AND kind = ?""")
                .params(r.relevant(), risks, name(likelihood), name(impact), name(level), reason, actor.id(), actedFor, now, d.id(), round,
                        kind.name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO juece.risk_kind_analysis (decision_id, round, kind, relevant, risks, likelihood, impact, level, reason,
                                                          recorded_by, recorded_for, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), round, kind.name(), r.relevant(), risks, name(likelihood), name(impact), name(level), reason,
                            actor.id(), actedFor, now).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, auditRound(round) + "分析论证" + kind.label() + "："
                + (r.relevant() ? risks + "；发生可能性" + likelihood.grade() + "，影响程度" + impact.grade() + "，" + level.label()
                : "不涉及；理由：" + reason) + "（第三十七条" + kind.item() + "、第三十八条第三项）");
        return analyses(d, round).get(kind);
    }

    /**
     * Art. 38 (四): the level of this round, with the assessor's view on controllability; never below the level of a
     * kind it analysed (a HIGH kind makes no LOW assessment).
     */
    @Transactional
    public Conclusion recordLevel(String number, LevelRequest r) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "确定风险等级", "第三十八条", Responsible.RISK_ASSESSOR);
        int round = assessing(d);
        analysisMissing(d, round).ifPresent(m -> {
            throw new RuleViolation("RISK_ANALYSIS_INCOMPLETE", m);
        });
        RiskLevel level = RiskLevel.parse(r == null ? null : r.level(), "风险等级");
        if (level == null) {
            throw RuleViolation.badRequest("RISK_LEVEL_REQUIRED", "请根据分析论证情况确定风险等级：高风险、中风险或低风险（第三十八条第四项）。");
        }
        if (r.controllable() == null) {
            throw RuleViolation.badRequest("RISK_CONTROLLABILITY_REQUIRED", "请写明评估结论：决策草案的风险是否可控（第三十六条）。");
        }
        inconsistency(d, round, level).ifPresent(m -> {
            throw new RuleViolation("RISK_LEVEL_INCONSISTENT", m);
        });
        String note = text(r.controllabilityNote(), MAX_TEXT, "风险可控性说明");
        var now = clock.now();
        ensureConclusion(d.id(), round);
        jdbc.sql("""
                UPDATE juece.risk_conclusion SET level = ?, controllable = ?, controllability_note = ?, level_by = ?, level_for = ?,
                       level_at = ? WHERE decision_id = ? AND round = ?""")
                .params(level.name(), r.controllable(), note, actor.id(), actingForAssessor(d, actor), now, d.id(), round).update();
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, auditRound(round) + "确定风险等级：" + level.label() + "，"
                + (r.controllable() ? "风险可控" : "风险不可控") + (note == null ? "" : "；" + note) + "（第三十八条第四项）");
        return conclusion(d, round).orElseThrow();
    }

    /** Art. 39 (五): the prevention measures (防范化解措施) and the contingency plan (应急处置预案) of this round. */
    @Transactional
    public Conclusion recordMeasures(String number, MeasuresRequest r) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "提出风险防范化解措施和应急处置预案", "第三十九条", Responsible.RISK_ASSESSOR);
        int round = assessing(d);
        String measures = text(r == null ? null : r.measures(), MAX_LONG_TEXT, "风险防范化解措施");
        String plan = text(r == null ? null : r.contingencyPlan(), MAX_LONG_TEXT, "应急处置预案");
        List<String> missing = new ArrayList<>();
        if (measures == null) missing.add("风险防范化解措施");
        if (plan == null) missing.add("应急处置预案");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("RISK_MEASURES_INCOMPLETE", "风险评估报告应当包括风险防范措施和处置预案；请填写" + String.join("、", missing)
                    + "（第三十九条第五项）。");
        }
        ensureConclusion(d.id(), round);
        jdbc.sql("""
                UPDATE juece.risk_conclusion SET measures = ?, contingency_plan = ?, measures_by = ?, measures_for = ?, measures_at = ?
                WHERE decision_id = ? AND round = ?""")
                .params(measures, plan, actor.id(), actingForAssessor(d, actor), clock.now(), d.id(), round).update();
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, auditRound(round) + "风险防范化解措施：" + measures
                + "；应急处置预案：" + plan + "（第三十九条第五项）");
        return conclusion(d, round).orElseThrow();
    }

    // ---- Art. 40: adjusting the draft ----

    /**
     * Art. 40: the lead unit records how it adjusted the draft after the decision organ found the risk uncontrollable
     * (measures added, content changed), once the adjusted draft is in the dossier.
     */
    @Transactional
    public Adjustment recordAdjustment(String number, AdjustmentRequest r) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "调整决策草案", "第四十条", Responsible.LEAD_UNIT);
        Step step = openStep(d, ADJUST_TASK).orElseThrow(() -> new RuleViolation("RISK_ADJUST_NOT_OPEN",
                "决策机关认为风险不可控后，由承办单位调整决策草案（第四十条）；该事项当前没有待办的“调整决策草案”环节。"));
        boolean measures = r != null && Boolean.TRUE.equals(r.measuresAdded());
        boolean content = r != null && Boolean.TRUE.equals(r.contentChanged());
        String description = text(r == null ? null : r.description(), MAX_TEXT, "调整情况");
        if (!measures && !content) {
            throw RuleViolation.badRequest("RISK_ADJUSTMENT_INCOMPLETE", "请说明对决策草案作了哪种调整：增加风险防范措施，或修改草案内容（第四十条）。");
        }
        if (description == null || description.length() < minReason) {
            throw RuleViolation.badRequest("RISK_ADJUSTMENT_INCOMPLETE", "请写明调整的具体内容（不少于" + minReason + "字，第四十条）。");
        }
        MaterialVersion draft = adjustedDraft(d).orElseThrow(() -> new RuleViolation("MATERIAL_MISSING_DRAFT", adjustedDraftMessage()));
        jdbc.sql("""
                INSERT INTO juece.risk_adjustment (decision_id, round, measures_added, content_changed, description, draft_version_id,
                                                   recorded_by, recorded_for, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), step.round(), measures, content, description, draft.id(), actor.id(),
                        responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.LEAD_UNIT))), clock.now())
                .update();
        audit.record(actor, d.id(), d.number(), AuditAction.RISK_RECORDED, "调整决策草案（第" + step.round() + "次）："
                + (measures ? "增加风险防范措施" : "") + (measures && content ? "、" : "") + (content ? "修改草案内容" : "") + "：" + description
                + "；调整后的草案：" + materials.cite(d.id(), draft.id()) + "（第四十条）");
        return adjustments(d.id()).stream().reduce((a, b) -> b).orElseThrow();
    }

    public List<Adjustment> adjustments(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.risk_adjustment WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Adjustment(rs.getLong("id"), rs.getInt("round"), rs.getBoolean("measures_added"),
                        rs.getBoolean("content_changed"), rs.getString("description"), rs.getObject("draft_version_id", Long.class),
                        rs.getString("recorded_by"), rs.getString("recorded_for"), AssessorRegistry.time(rs, "recorded_at")))
                .list();
    }

    /**
     * The draft given by the lead unit since the decision organ's latest finding (the risk was found uncontrollable):
     * the adjusted draft Art. 40 asks for. The first time the draft is adjusted, any earlier draft is the one found
     * uncontrollable, so the step's own rounds cannot tell (they start at the first adjustment).
     */
    Optional<MaterialVersion> adjustedDraft(Decision d) {
        long since = lastFindingWatermark(d);
        List<String> providers = materials.providers(d, MaterialType.DRAFT);
        return materials.materials(d.id()).stream().filter(m -> m.type() == MaterialType.DRAFT).flatMap(m -> m.versions().stream())
                .filter(v -> v.id() > since && (providers.isEmpty() || v.providedFor() == null || providers.contains(v.providedFor())))
                .max(Comparator.comparingLong(MaterialVersion::id));
    }

    static String adjustedDraftMessage() {
        return "决策机关认为风险不可控的，应当调整决策草案（第四十条）：请上传调整后的《决策草案》（新版本），再记录调整情况、办理本环节。";
    }

    /** Whether the adjustment of the open risk-adjust step's round is recorded. */
    boolean adjustmentRecorded(Decision d) {
        int round = openStep(d, ADJUST_TASK).map(Step::round).orElse(-1);
        return adjustments(d.id()).stream().anyMatch(a -> a.round() == round);
    }

    private long lastFindingWatermark(Decision d) {
        return steps.ofDecision(d.id()).stream()
                .filter(s -> FINDING_TASK.equals(s.taskKey()) && s.state() == Step.State.COMPLETED && s.materialWatermark() != null)
                .map(Step::materialWatermark).reduce((a, b) -> b).orElse(0L);
    }

    // ---- reading a round ----

    /** The round of the assessment: that of the open risk-assess step, else the next one. */
    public int round(Decision d) {
        return openStep(d, ASSESS_TASK).map(Step::round).orElseGet(() -> (int) steps.ofDecision(d.id()).stream()
                .filter(s -> ASSESS_TASK.equals(s.taskKey()) && s.state() == Step.State.COMPLETED).count() + 1);
    }

    /** Whether the step risk-assess is open now (records are written then). */
    public boolean assessmentOpen(Decision d) {
        return openStep(d, ASSESS_TASK).isPresent();
    }

    public Optional<Plan> plan(Decision d, int round) {
        return jdbc.sql("SELECT * FROM juece.risk_plan WHERE decision_id = ? AND round = ?").params(d.id(), round)
                .query((rs, i) -> new Plan(rs.getLong("id"), rs.getInt("round"), rs.getString("purpose"), rs.getString("scope"),
                        rs.getString("standards"), rs.getString("methods"), rs.getString("schedule"), rs.getString("recorded_by"),
                        rs.getString("recorded_for"), AssessorRegistry.time(rs, "recorded_at")))
                .optional();
    }

    public List<Investigation> investigations(Decision d, int round) {
        return jdbc.sql("SELECT * FROM juece.risk_investigation WHERE decision_id = ? AND round = ? ORDER BY held_on, id").params(d.id(), round)
                .query((rs, i) -> new Investigation(rs.getLong("id"), rs.getInt("round"), Method.valueOf(rs.getString("method")),
                        rs.getString("visited"), rs.getObject("held_on", LocalDate.class), rs.getBoolean("most_affected"),
                        rs.getBoolean("special_difficulty"), rs.getString("opinions"), Adoption.valueOf(rs.getString("adoption")),
                        rs.getString("adoption_note"), rs.getString("recorded_by"), rs.getString("recorded_for"),
                        AssessorRegistry.time(rs, "recorded_at")))
                .list();
    }

    /** The kinds analysed in the round, in the order of Art. 37. */
    public Map<RiskKind, KindAnalysis> analyses(Decision d, int round) {
        Map<RiskKind, KindAnalysis> byKind = new EnumMap<>(RiskKind.class);
        jdbc.sql("SELECT * FROM juece.risk_kind_analysis WHERE decision_id = ? AND round = ?").params(d.id(), round)
                .query((rs, i) -> new KindAnalysis(rs.getLong("id"), rs.getInt("round"), RiskKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("relevant"), rs.getString("risks"), RiskLevel.of(rs.getString("likelihood")),
                        RiskLevel.of(rs.getString("impact")), RiskLevel.of(rs.getString("level")), rs.getString("reason"),
                        rs.getString("recorded_by"), rs.getString("recorded_for"), AssessorRegistry.time(rs, "recorded_at")))
                .list().forEach(a -> byKind.put(a.kind(), a));
        return byKind;
    }

    public Optional<Conclusion> conclusion(Decision d, int round) {
        return jdbc.sql("SELECT * FROM juece.risk_conclusion WHERE decision_id = ? AND round = ?").params(d.id(), round)
                .query((rs, i) -> new Conclusion(rs.getLong("id"), rs.getInt("round"), RiskLevel.of(rs.getString("level")),
                        rs.getObject("controllable", Boolean.class), rs.getString("controllability_note"), rs.getString("level_by"),
                        rs.getString("level_for"), AssessorRegistry.time(rs, "level_at"), rs.getString("measures"),
                        rs.getString("contingency_plan"), rs.getString("measures_by"), rs.getString("measures_for"),
                        AssessorRegistry.time(rs, "measures_at")))
                .optional();
    }

    // ---- the checks (each a gate on risk-assess, RiskGates; an empty answer means met) ----

    /** Art. 36: the lead unit has named who assesses. */
    Optional<String> assessorMissing(Decision d) {
        return assessor(d.id()).isPresent() ? Optional.empty()
                : Optional.of("请承办单位先在风险评估页面确定风险评估单位（本单位或者负责风险评估工作的其他单位）及评估方式（自行评估，或委托专业机构、"
                        + "社会组织等第三方机构评估）（第三十六条）。");
    }

    /** Art. 38 (一): a plan of this round, by the assessor in charge. */
    Optional<String> planMissing(Decision d, int round) {
        return plan(d, round).filter(p -> byAssessor(d, p.recordedFor())).isPresent() ? Optional.empty()
                : Optional.of("请先制定" + roundLabel(round) + "的评估工作方案，明确评估目的、评估对象与内容、评估标准、评估方法与步骤、时间安排（第三十八条第一项）。");
    }

    /**
     * Art. 38 (二): the investigation of this round visited, face to face, the units most affected by the matter and the
     * groups with special difficulties (at least one visit to each).
     */
    Optional<String> investigationMissing(Decision d, int round) {
        List<String> assessor = assessorGroups(d);
        List<Investigation> records = investigations(d, round).stream().filter(i -> counts(assessor, i.recordedFor())).toList();
        List<String> missing = new ArrayList<>();
        if (records.stream().noneMatch(Investigation::visitsMostAffected)) {
            missing.add("受决策事项影响较大的单位");
        }
        if (records.stream().noneMatch(Investigation::visitsSpecialDifficulty)) {
            missing.add("有特殊困难的群体");
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("调查研究应当对受决策事项影响较大的单位、有特殊困难的群体进行重点走访，当面听取意见（第三十八条第二项）；"
                        + roundLabel(round) + "尚无对" + String.join("、", missing) + "的走访记录。请在风险评估页面记录走访的对象、日期和听取的意见。");
    }

    /** Art. 37, 38 (三): every kind of risk of Art. 37 analysed in this round, or marked not relevant with a reason. */
    Optional<String> analysisMissing(Decision d, int round) {
        Map<RiskKind, KindAnalysis> done = analyses(d, round);
        List<String> assessor = assessorGroups(d);
        List<String> missing = Arrays.stream(RiskKind.values())
                .filter(k -> done.get(k) == null || !counts(assessor, done.get(k).recordedFor())).map(RiskKind::label).toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("请对第三十七条所列各类风险逐项分析论证（查找风险点，判断发生可能性、影响程度和风险等级），不涉及的写明理由（第三十八条第三项）；"
                        + roundLabel(round) + "尚未分析：" + String.join("、", missing) + "。");
    }

    /** Art. 38 (四): the level of this round is recorded by the assessor in charge. */
    Optional<String> levelMissing(Decision d, int round) {
        return conclusion(d, round).filter(c -> c.hasLevel() && byAssessor(d, c.levelFor())).isPresent() ? Optional.empty()
                : Optional.of("请根据分析论证情况确定" + roundLabel(round) + "的风险等级（高风险、中风险、低风险）及风险是否可控（第三十八条第四项）。");
    }

    /**
     * Art. 38 (四): the level is consistent with the analysis (not below any kind's level) and, when the step closes,
     * it is the outcome chosen.
     */
    Optional<String> levelInconsistent(Decision d, int round, String outcome) {
        Optional<Conclusion> c = conclusion(d, round).filter(Conclusion::hasLevel);
        if (c.isEmpty()) {
            return Optional.empty(); // levelMissing speaks for it
        }
        RiskLevel recorded = c.get().level();
        Optional<String> analysis = inconsistency(d, round, recorded);
        if (analysis.isPresent()) {
            return analysis;
        }
        if (outcome != null && !outcome.equals(recorded.name())) {
            RiskLevel chosen = RiskLevel.of(outcome);
            return Optional.of("办理结果“" + chosen.label() + "”与风险评估页面记录的风险等级“" + recorded.label() + "”不一致（第三十八条第四项）。"
                    + "请选择“" + recorded.label() + "”，或先修改记录的风险等级。");
        }
        return Optional.empty();
    }

    private Optional<String> inconsistency(Decision d, int round, RiskLevel level) {
        List<KindAnalysis> higher = analyses(d, round).values().stream()
                .filter(a -> a.relevant() && a.level() != null && level.below(a.level())).toList();
        return higher.isEmpty() ? Optional.empty()
                : Optional.of("风险等级应当根据分析论证情况确定（第三十八条第四项）：" + String.join("、", higher.stream()
                        .map(a -> a.kind().label() + "为" + a.level().label()).toList()) + "，综合风险等级不能定为" + level.label() + "。");
    }

    /** Art. 39 (五): the prevention measures and the contingency plan of this round. */
    Optional<String> measuresMissing(Decision d, int round) {
        return conclusion(d, round).filter(c -> c.hasMeasures() && byAssessor(d, c.measuresFor())).isPresent() ? Optional.empty()
                : Optional.of("风险评估报告应当包括风险防范措施和处置预案（第三十九条第五项）：请在风险评估页面填写" + roundLabel(round)
                        + "的风险防范化解措施和应急处置预案。");
    }

    /** What the round still lacks before the assessment may close (the page's list; the gates refuse with the same). */
    public List<RuleViolation> missing(Decision d) {
        int round = round(d);
        List<RuleViolation> missing = new ArrayList<>();
        assessorMissing(d).ifPresent(m -> missing.add(new RuleViolation("RISK_ASSESSOR_NOT_RECORDED", m)));
        planMissing(d, round).ifPresent(m -> missing.add(new RuleViolation("RISK_PLAN_MISSING", m)));
        investigationMissing(d, round).ifPresent(m -> missing.add(new RuleViolation("RISK_INVESTIGATION_INCOMPLETE", m)));
        analysisMissing(d, round).ifPresent(m -> missing.add(new RuleViolation("RISK_ANALYSIS_INCOMPLETE", m)));
        levelMissing(d, round).ifPresent(m -> missing.add(new RuleViolation("RISK_LEVEL_NOT_RECORDED", m)));
        levelInconsistent(d, round, null).ifPresent(m -> missing.add(new RuleViolation("RISK_LEVEL_INCONSISTENT", m)));
        measuresMissing(d, round).ifPresent(m -> missing.add(new RuleViolation("RISK_MEASURES_MISSING", m)));
        return missing;
    }

    /** 本轮 / 第2轮, for the refusals. */
    static String roundLabel(int round) {
        return round > 1 ? "第" + round + "轮" : "本轮";
    }

    /** The prefix of an audit entry of a re-assessment: （第2轮评估）. */
    private static String auditRound(int round) {
        return round > 1 ? "（第" + round + "轮评估）" : "";
    }

    // ---- helpers ----

    /** The round being assessed; a refusal when the step risk-assess is not open (records belong to a round). */
    private int assessing(Decision d) {
        return openStep(d, ASSESS_TASK).map(Step::round).orElseThrow(() -> new RuleViolation("RISK_ASSESS_NOT_OPEN",
                "评估工作方案、调查研究、分析论证、风险等级和防范措施在“开展风险评估并形成评估报告”环节办理期间记录（第三十八条）；"
                        + "该事项当前没有待办的风险评估环节。"));
    }

    Optional<Step> openStep(Decision d, String taskKey) {
        return steps.ofDecision(d.id()).stream().filter(s -> s.isOpen() && taskKey.equals(s.taskKey())).findFirst();
    }

    /** A record counts only from the assessor in charge now (DECISIONS.md 24); one written by the system counts. */
    private boolean byAssessor(Decision d, String recordedFor) {
        return recordedFor == null || counts(assessorGroups(d), recordedFor);
    }

    /** The assessor's groups, read once for a check over several records (issue 17: once per record before). */
    private List<String> assessorGroups(Decision d) {
        return responsibilities.groups(d, Responsible.RISK_ASSESSOR, null);
    }

    private static boolean counts(List<String> assessorGroups, String recordedFor) {
        return recordedFor == null || assessorGroups.contains(recordedFor);
    }

    private String actingForAssessor(Decision d, Actor actor) {
        return responsibilities.actingFor(actor, responsibilities.groups(d, Responsible.RISK_ASSESSOR, null));
    }

    private void ensureConclusion(long decisionId, int round) {
        long n = jdbc.sql("SELECT COUNT(*) FROM juece.risk_conclusion WHERE decision_id = ? AND round = ?").params(decisionId, round)
                .query(Long.class).single();
        if (n == 0) {
            jdbc.sql("INSERT INTO juece.risk_conclusion (decision_id, round) VALUES (?, ?)").params(decisionId, round).update();
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code, String refusal, String what, String choices) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest(refusal, what + "“" + code + "”无效，可选：" + choices + "。");
        }
    }

    private static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字；详细内容请写入风险评估报告。");
        }
        return t;
    }

    private static Assessor mapAssessor(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("commission_kind");
        return new Assessor(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("assessor_unit"), Mode.valueOf(rs.getString("mode")),
                rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
                kind == null ? null : CommissionKind.valueOf(kind), rs.getString("commission_number"),
                rs.getObject("commission_date", LocalDate.class), rs.getString("commission_scope"), rs.getString("recorded_by"),
                rs.getString("recorded_for"), AssessorRegistry.time(rs, "recorded_at"));
    }
}

package cn.juece.evaluation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.identity.Actor;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.Step;

/**
 * Art. 56, 57: the evaluation report's parts as the evaluator records them for its step "开展后评估并提交评估报告":
 * what it evaluated (fit with the decision's aims, cost and benefit, acceptance by those it concerns, fit with economic
 * and social development, its effects and foreseeable long-term effects) and what the report says (how the evaluation
 * was done, how execution went, the main problems and their causes, and the recommendation to continue, stop or
 * modify). The step closes only when every part is there (with the report itself uploaded).
 */
@Service
public class EvaluationReports {

    static final int MAX_PART = 2000;

    /** The parts, each with its Chinese name and the article and item that asks for it. */
    public enum Part {
        AIMS_FIT("aims_fit", "决策实施的结果与决策目的是否相符", "第五十六条第一项"),
        COST_BENEFIT("cost_benefit", "决策实施的成本效益分析", "第五十六条第二项"),
        ACCEPTANCE("acceptance", "实施对象对决策的接受程度", "第五十六条第三项"),
        DEVELOPMENT_FIT("development_fit", "决策实施与经济社会发展的符合程度", "第五十六条第四项"),
        IMPACTS("impacts", "决策实施带来的影响和可预期的长远影响", "第五十六条第五项"),
        PROCESS_METHOD("process_method", "评估过程和方式", "第五十七条第一项"),
        EXECUTION_STATUS("execution_status", "决策执行的基本情况", "第五十七条第二项"),
        PROBLEMS("problems", "决策执行中存在的主要问题和原因", "第五十七条第三项");

        private final String column;
        private final String label;
        private final String article;

        Part(String column, String label, String article) {
            this.column = column;
            this.label = label;
            this.article = article;
        }

        public String label() {
            return label;
        }

        public String article() {
            return article;
        }
    }

    /** Art. 57 (四): the recommendation. */
    public enum Recommendation {
        CONTINUE("继续执行"), STOP("停止执行"), MODIFY("修改决策");

        private final String label;

        Recommendation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Report(long id, long decisionId, String taskId, Map<Part, String> parts, Recommendation recommendation,
                         String recommendationReason, String recordedBy, String recordedFor, OffsetDateTime recordedAt) {

        /** The parts (and the recommendation with its reason) still missing. */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            for (Part p : Part.values()) {
                if (parts.get(p) == null) {
                    missing.add(p.label() + "（" + p.article() + "）");
                }
            }
            if (recommendation == null || recommendationReason == null) {
                missing.add("继续执行、停止执行或者修改决策的建议及理由（第五十七条第四项）");
            }
            return missing;
        }
    }

    private final JdbcClient jdbc;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final EvaluationPlans plans;
    private final AuditTrail audit;
    private final AppClock clock;

    EvaluationReports(JdbcClient jdbc, DecisionAccess access, Responsibilities responsibilities, EvaluationPlans plans,
                      AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.responsibilities = responsibilities;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** The evaluator records the report's parts for its open step (a part left blank stays as it was). */
    @Transactional
    public Report record(String number, Map<Part, String> parts, String recommendation, String recommendationReason) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "记录决策后评估报告", "第五十六条、第五十七条", Responsible.EVALUATOR);
        Step step = plans.openStep(d, EvaluationPlans.CONDUCT_TASK).orElseThrow(() -> new RuleViolation("EVALUATION_NOT_CONDUCTING",
                "评估报告在“开展后评估并提交评估报告”环节记录（第五十七条）；该环节现未在办理。"));
        Recommendation rec = null;
        if (recommendation != null && !recommendation.isBlank()) {
            try {
                rec = Recommendation.valueOf(recommendation.strip());
            } catch (IllegalArgumentException e) {
                throw RuleViolation.badRequest("EVALUATION_RECOMMENDATION_INVALID", "建议须为继续执行、停止执行或者修改决策（第五十七条第四项）。");
            }
        }
        Map<Part, String> merged = new LinkedHashMap<>(forStep(step.taskId()).map(Report::parts).orElse(Map.of()));
        for (Part p : Part.values()) {
            String v = parts == null ? null : parts.get(p);
            if (v != null && !v.isBlank()) {
                if (v.strip().length() > MAX_PART) {
                    throw RuleViolation.badRequest("EVALUATION_PART_TOO_LONG", p.label() + "不超过" + MAX_PART + "字；全文见评估报告。");
                }
                merged.put(p, v.strip());
            }
        }
        Report before = forStep(step.taskId()).orElse(null);
        Recommendation finalRec = rec != null ? rec : before == null ? null : before.recommendation();
        String reason = recommendationReason != null && !recommendationReason.isBlank() ? recommendationReason.strip()
                : before == null ? null : before.recommendationReason();
        if (reason != null && reason.length() > MAX_PART) {
            throw RuleViolation.badRequest("EVALUATION_PART_TOO_LONG", "建议的理由不超过" + MAX_PART + "字。");
        }
        String group = responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.EVALUATOR)));
        Object[] values = new Object[Part.values().length];
        for (Part p : Part.values()) {
            values[p.ordinal()] = merged.get(p);
        }
        if (before == null) {
            jdbc.sql("""
                    INSERT INTO juece.evaluation_report (decision_id, task_id, aims_fit, cost_benefit, acceptance, development_fit, impacts,
                                                         process_method, execution_status, problems, recommendation,
                                                         recommendation_reason, recorded_by, recorded_for, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), step.taskId(), values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                            values[7], finalRec == null ? null : finalRec.name(), reason, actor.id(), group, clock.now())
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE juece.evaluation_report SET aims_fit = ?, cost_benefit = ?, acceptance = ?, development_fit = ?, impacts = ?,
                           process_method = ?, execution_status = ?, problems = ?, recommendation = ?, recommendation_reason = ?,
                           recorded_by = ?, recorded_for = ?, recorded_at = ? WHERE id = ?""")
                    .params(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                            finalRec == null ? null : finalRec.name(), reason, actor.id(), group, clock.now(), before.id())
                    .update();
        }
        Report now = forStep(step.taskId()).orElseThrow();
        audit.record(actor, group, d.id(), d.number(), AuditAction.EVALUATION_REPORT_RECORDED, "记录决策后评估报告内容"
                + (finalRec == null ? "" : "，建议" + finalRec.label()) + (now.missing().isEmpty() ? "（各项齐全）"
                : "（尚缺：" + String.join("、", now.missing()) + "）") + "（第五十六条、第五十七条）", null);
        return now;
    }

    public Optional<Report> forStep(String taskId) {
        return jdbc.sql("SELECT * FROM juece.evaluation_report WHERE task_id = ?").param(taskId).query((rs, i) -> {
            Map<Part, String> parts = new LinkedHashMap<>();
            for (Part p : Part.values()) {
                String v = rs.getString(p.column);
                if (v != null) {
                    parts.put(p, v);
                }
            }
            String rec = rs.getString("recommendation");
            return new Report(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("task_id"), parts,
                    rec == null ? null : Recommendation.valueOf(rec), rs.getString("recommendation_reason"), rs.getString("recorded_by"),
                    rs.getString("recorded_for"), rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
        }).optional();
    }

    public List<Report> reports(long decisionId) {
        return jdbc.sql("SELECT task_id FROM juece.evaluation_report WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query(String.class).list().stream().map(t -> forStep(t).orElseThrow()).toList();
    }
}

package cn.juece.drafting;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The procedure arrangements the lead unit records at the end of drafting (Art. 17, 30, 36): public
 * participation is exempt only where the law forbids publication; expert review and risk assessment are
 * required or not, each "not" with its reason.
 */
@Service
public class ArrangementService {

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final AuditTrail audit;
    private final AppClock clock;
    private final int minReason;

    ArrangementService(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, AuditTrail audit, AppClock clock,
                       @org.springframework.beans.factory.annotation.Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.minReason = minReason;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Arrangement record(String decisionNumber, Procedure procedure, boolean required, String ground, String reason) {
        Decision d = decisions.get(decisionNumber);
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
        if (d.stage() != Stage.DRAFTING) {
            throw new RuleViolation("ARRANGEMENT_NOT_IN_DRAFTING",
                    "公众参与、专家论证、风险评估的安排在草案拟定阶段确定；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        var actor = access.require(d, "公众参与、专家论证、风险评估的程序安排", "第十二条", Responsible.LEAD_UNIT);
        String why = reason == null ? null : reason.strip();
        Procedure.Ground chosen = required || ground == null ? null : procedure.ground(ground.strip());
        if (!required && chosen == null) {
            throw new RuleViolation("ARRANGEMENT_GROUND_REQUIRED", "不开展" + procedure.label() + "的，请选择" + procedure.article()
                    + "规定的依据：" + String.join("；", procedure.grounds().stream().map(g -> g.label() + "（" + g.code() + "）").toList()) + "。");
        }
        if (!required && (why == null || why.length() < minReason)) {
            throw new RuleViolation("ARRANGEMENT_REASON_REQUIRED",
                    "不开展" + procedure.label() + "的，应当写明理由（" + procedure.article() + "，不少于" + minReason + "字）："
                            + procedure.whenNotRequired() + "。");
        }
        if (why != null && why.length() > 1000) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "理由不超过1000字。");
        }
        var now = clock.now();
        int updated = jdbc.sql("""
                UPDATE juece.procedure_arrangement SET required = ?, ground = ?, reason = ?, recorded_by = ?, recorded_at = ?
                WHERE decision_id = ? AND procedure_code = ?""")
                .params(required, chosen == null ? null : chosen.code(), why, actor.id(), now, d.id(), procedure.name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO juece.procedure_arrangement (decision_id, procedure_code, required, ground, reason, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), procedure.name(), required, chosen == null ? null : chosen.code(), why, actor.id(), now).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.ARRANGEMENT_RECORDED,
                procedure.label() + "：" + (required ? "需要开展" : "不开展；依据：" + chosen.label())
                        + (why == null || why.isEmpty() ? "" : "；理由：" + why)
                        + "（" + procedure.article() + "）");
        return arrangements(d.id()).get(procedure);
    }

    /** The procedures recorded as not to be performed for these decisions, one query per 500 (supervision, issue 17). */
    public Map<Long, java.util.List<Arrangement>> notPerformed(java.util.Collection<Long> decisionIds) {
        Map<Long, java.util.List<Arrangement>> result = new java.util.HashMap<>();
        java.util.List<Long> ids = java.util.List.copyOf(decisionIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT decision_id, procedure_code, required, ground, reason, recorded_by, recorded_at FROM juece.procedure_arrangement"
                            + " WHERE decision_id IN (:ids) AND required = FALSE")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> new Arrangement(rs.getLong(1), Procedure.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getObject(7, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                    .list().forEach(a -> result.computeIfAbsent(a.decisionId(), k -> new java.util.ArrayList<>()).add(a));
        }
        result.values().forEach(l -> l.sort(java.util.Comparator.comparing(Arrangement::procedure)));
        return result;
    }

    public Map<Procedure, Arrangement> arrangements(long decisionId) {
        Map<Procedure, Arrangement> result = new EnumMap<>(Procedure.class);
        jdbc.sql("SELECT decision_id, procedure_code, required, ground, reason, recorded_by, recorded_at FROM juece.procedure_arrangement WHERE decision_id = ?")
                .param(decisionId)
                .query((rs, i) -> new Arrangement(rs.getLong(1), Procedure.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list().forEach(a -> result.put(a.procedure(), a));
        return result;
    }
}

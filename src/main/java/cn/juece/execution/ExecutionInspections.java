package cn.juece.execution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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

/**
 * Art. 58: the execution of a decision is part of government supervision (政府督查): the government office or the
 * decision organ records its inspections, investigations and reviews (调查复核) and notices (情况通报).
 */
@Service
public class ExecutionInspections {

    private final JdbcClient jdbc;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final ExecutionPlan plans;
    private final AuditTrail audit;
    private final AppClock clock;

    ExecutionInspections(JdbcClient jdbc, DecisionAccess access, Responsibilities responsibilities, ExecutionPlan plans,
                         AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.responsibilities = responsibilities;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Kind {
        INSPECTION("督查检查"),
        INVESTIGATION("调查复核"),
        NOTICE("情况通报");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Inspection(long id, long decisionId, Kind kind, String title, String findings, LocalDate heldOn,
                             String recordedBy, String recordedFor, OffsetDateTime recordedAt) {
    }

    @Transactional
    public Inspection record(String number, String kindCode, String title, String findings, LocalDate heldOn) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "记录决策执行督查", "第五十八条", Responsible.GOV_OFFICE, Responsible.DECISION_ORGAN);
        if (!plans.entered(d)) {
            throw new RuleViolation("EXECUTION_NOT_RUNNING", "该决策事项尚未进入执行阶段，督查记录在执行中形成（第五十八条）。");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindCode == null ? "" : kindCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("INSPECTION_KIND_REQUIRED", "请选择督查方式：督查检查、调查复核或者情况通报（第五十八条）。");
        }
        String t = title == null ? "" : title.strip();
        String f = findings == null ? "" : findings.strip();
        if (t.isEmpty() || f.isEmpty() || heldOn == null) {
            throw RuleViolation.badRequest("INSPECTION_INCOMPLETE", "请填写督查的名称、日期和发现的情况及处理意见（第五十八条）。");
        }
        if (t.length() > 200 || f.length() > 4000) {
            throw RuleViolation.badRequest("INSPECTION_TOO_LONG", "名称不超过200字，情况不超过4000字；通报全文请作为材料上传。");
        }
        if (heldOn.isAfter(clock.today())) {
            throw RuleViolation.badRequest("INSPECTION_IN_FUTURE", "督查日期不能晚于今天。");
        }
        String group = responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.GOV_OFFICE, Responsible.DECISION_ORGAN)));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.execution_inspection (decision_id, kind, title, findings, held_on, recorded_by, recorded_for, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), kind.name(), t, f, heldOn, actor.id(), group, clock.now()).update(keys, "id");
        audit.record(actor, group, d.id(), d.number(), AuditAction.EXECUTION_INSPECTION_RECORDED, kind.label() + "《" + t + "》（"
                + heldOn + "，第五十八条）：" + f, null);
        long id = keys.getKey().longValue();
        return inspections(d.id()).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The scope's inspections, the latest first (supervision, Art. 58; issue 17: only the scope's rows). */
    public List<Inspection> of(cn.juece.decision.DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("SELECT * FROM juece.execution_inspection WHERE " + scope.where("decision_id")
                + " ORDER BY held_on DESC, id DESC")).query((rs, i) -> map(rs)).list();
    }

    public List<Inspection> inspections(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_inspection WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> map(rs)).list();
    }

    private static Inspection map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Inspection(rs.getLong("id"), rs.getLong("decision_id"), Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("findings"), rs.getObject("held_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getString("recorded_for"), ExecutionReports.time(rs, "recorded_at"));
    }
}

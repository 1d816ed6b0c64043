package cn.juece.execution;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Art. 54: an execution unit reports at any time a problem with the decision, a major change of circumstances or
 * force majeure that seriously affects its aims — never concealed, falsified or left out (Art. 62). The report is a
 * record of the dossier, mailed to the decision organ, and opens the organ's step to decide whether to continue,
 * stop or modify (Art. 55) unless that step is already open.
 */
@Service
public class ExecutionIncidents {

    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final DecisionAccess access;
    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionDecisions executionDecisions;
    private final Directory directory;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AppClock clock;

    ExecutionIncidents(JdbcClient jdbc, DecisionAccess access, ExecutionPlan plans, ExecutionReports reports,
                       ExecutionDecisions executionDecisions, Directory directory, Outbox outbox, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.reports = reports;
        this.executionDecisions = executionDecisions;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The situations of Art. 54. */
    public enum Kind {
        PROBLEM("决策存在问题"),
        CIRCUMSTANCES_CHANGED("客观情况发生重大变化"),
        FORCE_MAJEURE("决策执行中发生不可抗力");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Incident(long id, long decisionId, String unitCode, Kind kind, String description, String reportedBy,
                           OffsetDateTime reportedAt) {
    }

    /** Art. 54: the unit reports, the organ is told and its review step opens. */
    @Transactional
    public Incident report(String number, String unitCode, String kindCode, String description) {
        Decision d = access.visible(number);
        Actor actor = directory.currentActor();
        if (!d.isOpen()) {
            throw DecisionService.closed(d, "报告执行中的问题");
        }
        String unit = reports.actingUnit(d, actor, unitCode);
        if (!plans.working(d)) {
            throw new RuleViolation("EXECUTION_NOT_RUNNING", "该决策事项不在执行中（第五十三条），不能报告执行中的问题。");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindCode == null ? "" : kindCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("INCIDENT_KIND_REQUIRED", "请选择报告的情形：决策存在问题、客观情况发生重大变化或者发生不可抗力（第五十四条）。");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("INCIDENT_DESCRIPTION_REQUIRED", "请如实写明情况及其对实现决策目标的影响（第五十四条：不得瞒报、谎报或者漏报）。");
        }
        if (text.length() > MAX_TEXT) {
            throw RuleViolation.badRequest("INCIDENT_DESCRIPTION_TOO_LONG", "情况说明不超过" + MAX_TEXT + "字；详细材料请上传。");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.execution_incident (decision_id, unit_code, kind, description, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), unit, kind.name(), text, actor.id(), clock.now()).update(keys, "id");
        audit.record(actor, Groups.unit(unit), d.id(), d.number(), AuditAction.EXECUTION_INCIDENT_REPORTED, directory.unitName(unit)
                + "报告" + kind.label() + "（第五十四条）：" + text, null);
        outbox.toGroups(d.id(), "EXECUTION_INCIDENT", List.of(Groups.decisionOrgan(d.organCode())),
                "【执行中的问题】" + d.number() + " " + directory.unitName(unit) + "报告" + kind.label(),
                "决策事项：" + d.title() + "（" + d.number() + "）\n执行单位：" + directory.unitName(unit) + "\n情形：" + kind.label()
                        + "（第五十四条）\n" + text + "\n请决策机关研究决定继续执行、停止执行或者修改决策（第五十五条）。",
                outbox.link("/decisions/" + d.number() + "/execution#incidents"));
        executionDecisions.openReview(d);
        long id = keys.getKey().longValue();
        return incidents(d.id()).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    public List<Incident> incidents(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_incident WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Incident(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("unit_code"),
                        Kind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("reported_by"),
                        ExecutionReports.time(rs, "reported_at")))
                .list();
    }
}

package cn.juece.participation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.identity.Actor;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Symposiums (Art. 21): stakeholder representatives are invited, and the draft and other materials reach
 * them at least 3 days before the meeting, or it cannot be confirmed; the minutes and opinions are recorded.
 */
@Service
public class SymposiumService {

    static final String PERIOD = "SYMPOSIUM_MATERIALS";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final AuditTrail audit;
    private final Periods periods;
    private final AppClock clock;

    private final LeadUnitCheck leadUnit;

    SymposiumService(JdbcClient jdbc, DecisionService decisions, MaterialService materials,
                     AuditTrail audit, Periods periods, AppClock clock, LeadUnitCheck leadUnit) {
        this.leadUnit = leadUnit;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.materials = materials;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    @Transactional
    public Symposium plan(String decisionNumber, String title, LocalDate heldOn, String place, List<String> invitees) {
        Decision d = decisions.get(decisionNumber);
        Actor actor = leadUnit.require(d, "座谈会", "第二十一条");
        List<String> people = invitees == null ? List.of() : invitees.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (title == null || title.isBlank() || heldOn == null || place == null || place.isBlank()) {
            throw RuleViolation.badRequest("SYMPOSIUM_INVALID", "请填写座谈会名称、日期和地点。");
        }
        if (people.isEmpty()) {
            throw RuleViolation.badRequest("SYMPOSIUM_INVITEES_REQUIRED",
                    "以座谈会方式征求意见的，应当邀请有利害关系的公民、法人或者其他组织代表参加（第二十一条）。请填写受邀代表（姓名及单位或身份）。");
        }
        if (heldOn.isBefore(clock.today())) {
            throw RuleViolation.badRequest("SYMPOSIUM_IN_THE_PAST", "座谈会日期不能早于今天。");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.symposium (decision_id, title, held_on, place, invitees, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), title.strip(), heldOn, place.strip(), String.join("\n", people), Symposium.Status.PLANNED.name(),
                        actor.id(), clock.now())
                .update(keys, "id");
        audit.record(actor, d.id(), d.number(), AuditAction.SYMPOSIUM_RECORDED, "拟于" + CHINESE_DATE.format(heldOn) + "在"
                + place.strip() + "召开“" + title.strip() + "”，邀请" + people.size() + "名利害关系人代表（第二十一条）；材料最迟应于"
                + CHINESE_DATE.format(periods.end(PERIOD, heldOn)) + "送达");
        return get(keys.getKey().longValue());
    }

    /** Records when the draft and other materials reached the participants. */
    @Transactional
    public Symposium recordDelivery(long id, LocalDate deliveredOn) {
        Symposium s = get(id);
        Decision d = decisions.get(s.decisionId());
        leadUnit.require(d, "座谈会", "第二十一条");
        if (deliveredOn == null || deliveredOn.isAfter(clock.today())) {
            throw RuleViolation.badRequest("DELIVERY_DATE_INVALID", "请填写材料实际送达的日期（不能晚于今天）。");
        }
        jdbc.sql("UPDATE juece.symposium SET materials_delivered_on = ? WHERE id = ?").params(deliveredOn, id).update();
        audit.record(d.id(), d.number(), AuditAction.SYMPOSIUM_RECORDED,
                "“" + s.title() + "”材料于" + CHINESE_DATE.format(deliveredOn) + "送达与会人员");
        return get(id);
    }

    /** Confirms the meeting: only when the materials reached the participants at least 3 days before (Art. 21). */
    @Transactional
    public Symposium confirm(long id) {
        Symposium s = get(id);
        Decision d = decisions.get(s.decisionId());
        leadUnit.require(d, "座谈会", "第二十一条");
        RuleViolation.throwFirst(confirmBlockers(s));
        setStatus(s, Symposium.Status.CONFIRMED, "确认召开“" + s.title() + "”");
        return get(id);
    }

    /** Records that the meeting was held: its minutes and opinions are in the dossier. */
    @Transactional
    public Symposium held(long id) {
        Symposium s = get(id);
        Decision d = decisions.get(s.decisionId());
        leadUnit.require(d, "座谈会", "第二十一条");
        if (s.status() != Symposium.Status.CONFIRMED) {
            throw new RuleViolation("SYMPOSIUM_NOT_CONFIRMED", "座谈会尚未确认召开（材料须于召开3日前送达，第二十一条）。");
        }
        RuleViolation.throwFirst(heldBlockers(s));
        setStatus(s, Symposium.Status.HELD, "“" + s.title() + "”已召开，记录和意见已归入案卷");
        return get(id);
    }

    /**
     * What still stands between the symposium and its next step (confirm when planned, held when confirmed), each as
     * the refusal that step would give now; empty when it may go ahead, or when nothing follows.
     */
    public List<RuleViolation> missing(Symposium s) {
        return switch (s.status()) {
            case PLANNED -> confirmBlockers(s);
            case CONFIRMED -> heldBlockers(s);
            case HELD, CANCELLED -> List.of();
        };
    }

    /** The last day the materials may reach the participants (Art. 21: 3 days before). */
    public LocalDate latestDelivery(Symposium s) {
        return periods.end(PERIOD, s.heldOn());
    }

    private List<RuleViolation> confirmBlockers(Symposium s) {
        LocalDate latest = latestDelivery(s);
        if (s.materialsDeliveredOn() == null || s.materialsDeliveredOn().isAfter(latest)) {
            return List.of(new RuleViolation("SYMPOSIUM_MATERIALS_LATE", "座谈会应当将决策草案等材料于召开3日前送达与会人员（第二十一条）。本次座谈会定于"
                    + CHINESE_DATE.format(s.heldOn()) + "召开，材料最迟应于" + CHINESE_DATE.format(latest) + "送达"
                    + (s.materialsDeliveredOn() == null ? "，尚未记录送达日期" : "，实际于" + CHINESE_DATE.format(s.materialsDeliveredOn()) + "送达")
                    + "。请改期召开或重新送达材料。"));
        }
        return List.of();
    }

    private List<RuleViolation> heldBlockers(Symposium s) {
        List<RuleViolation> missing = new ArrayList<>();
        if (clock.today().isBefore(s.heldOn())) {
            missing.add(new RuleViolation("SYMPOSIUM_NOT_YET_HELD", "座谈会定于" + CHINESE_DATE.format(s.heldOn()) + "召开，尚未召开。"));
        }
        if (materials.latest(s.decisionId(), MaterialType.SYMPOSIUM_MINUTES).isEmpty()) {
            missing.add(new RuleViolation("MATERIAL_MISSING_SYMPOSIUM_MINUTES",
                    "请先上传《座谈会记录及意见》（第二十一条、第二十八条），再登记座谈会已召开。"));
        }
        return missing;
    }

    /** Cancels a meeting that will not take place (rescheduled as another, or dropped), with the reason. */
    @Transactional
    public Symposium cancel(long id, String reason) {
        Symposium s = get(id);
        leadUnit.require(decisions.get(s.decisionId()), "座谈会", "第二十一条");
        if (s.status() == Symposium.Status.HELD) {
            throw new RuleViolation("SYMPOSIUM_ALREADY_HELD", "座谈会已召开，不能取消。");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.badRequest("CANCEL_REASON_REQUIRED", "请写明取消（或改期）的理由。");
        }
        setStatus(s, Symposium.Status.CANCELLED, "取消“" + s.title() + "”，理由：" + reason.strip());
        return get(id);
    }

    public List<Symposium> ofDecision(long decisionId) {
        return jdbc.sql("SELECT id, decision_id, title, held_on, place, invitees, materials_delivered_on, status FROM juece.symposium WHERE decision_id = ? ORDER BY id")
                .param(decisionId).query((rs, i) -> map(rs)).list();
    }

    public Symposium get(long id) {
        return jdbc.sql("SELECT id, decision_id, title, held_on, place, invitees, materials_delivered_on, status FROM juece.symposium WHERE id = ?")
                .param(id).query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> RuleViolation.notFound("SYMPOSIUM_NOT_FOUND", "座谈会不存在：" + id));
    }

    private void setStatus(Symposium s, Symposium.Status status, String detail) {
        Decision d = decisions.get(s.decisionId());
        jdbc.sql("UPDATE juece.symposium SET status = ? WHERE id = ?").params(status.name(), s.id()).update();
        audit.record(d.id(), d.number(), AuditAction.SYMPOSIUM_RECORDED, detail + "（第二十一条）");
    }


    private static Symposium map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Symposium(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                Arrays.asList(rs.getString(6).split("\n")), rs.getObject(7, LocalDate.class),
                Symposium.Status.valueOf(rs.getString(8)));
    }
}

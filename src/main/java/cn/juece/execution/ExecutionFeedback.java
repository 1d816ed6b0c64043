package cn.juece.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Art. 54: citizens, legal persons and other organisations who think a decision or its execution has a problem give
 * their opinion by letter, phone, e-mail, new media or the portal; it is recorded, routed by the decision organ (or
 * the government office) to the execution unit concerned, and answered. Each gets a random receipt number to look
 * the answer up; contact details are kept for staff and never shown publicly.
 */
@Service
public class ExecutionFeedback {

    static final Actor PUBLIC = new Actor("public", "社会公众", null, null, "公民、法人或者其他组织（门户网站）", List.of());
    static final int MAX_CONTENT = 4000;
    static final int MAX_ANSWER = 2000;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final ExecutionPlan plans;
    private final ReceiptNumbers receipts;
    private final Directory directory;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AppClock clock;

    ExecutionFeedback(JdbcClient jdbc, DecisionService decisions, DecisionAccess access,
                      ExecutionPlan plans, ReceiptNumbers receipts, Directory directory, Outbox outbox, AuditTrail audit,
                      AppClock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.plans = plans;
        this.receipts = receipts;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** How the opinion came (Art. 54: 信件、电话、电子邮件、政务新媒体; and the portal). */
    public enum Channel {
        PORTAL("门户网站"), LETTER("信件"), PHONE("电话"), EMAIL("电子邮件"), NEW_MEDIA("政务新媒体");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One opinion as staff see it (contact included). */
    public record Item(long id, long decisionId, String receipt, Channel channel, String authorName, String contact,
                       String content, LocalDate receivedOn, OffsetDateTime receivedAt, String enteredBy, String routedUnit,
                       String routedBy, OffsetDateTime routedAt, String answer, String answeredBy, String answeredFor,
                       OffsetDateTime answeredAt) {

        public String receiptDisplay() {
            return ReceiptNumbers.display(receipt);
        }

        public String statusLabel() {
            return answer != null ? "已答复" : routedUnit != null ? "已转交执行单位办理" : "已收到，待转交";
        }
    }

    /** What the citizen sees by receipt: their own text, where it stands, the answer; never contact details. */
    public record Lookup(String receipt, String decisionNumber, String decisionTitle, String channel, String content,
                         OffsetDateTime receivedAt, String status, String routedUnit, String answer, String answeredBy,
                         OffsetDateTime answeredAt) {
    }

    // ---- intake ---------------------------------------------------------------------------------------------

    /** The portal's form (no login; CSRF and the rate limit are the portal's). */
    @Transactional
    public Item submitPublic(String number, String authorName, String contact, String content) {
        Decision d = decisions.find(number).orElseThrow(() -> notFound());
        return insert(d, Channel.PORTAL, authorName, contact, content, clock.today(), null, PUBLIC);
    }

    /** Staff enter an opinion received by letter, phone, e-mail or new media, with the day it was received. */
    @Transactional
    public Item enter(String number, String channelCode, String authorName, String contact, String content, LocalDate receivedOn) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "登记公众对决策执行的意见建议", "第五十四条", Responsible.DECISION_ORGAN, Responsible.GOV_OFFICE,
                Responsible.EXECUTION_UNIT);
        Channel channel;
        try {
            channel = Channel.valueOf(channelCode == null ? "" : channelCode.strip());
        } catch (IllegalArgumentException e) {
            channel = null;
        }
        if (channel == null || channel == Channel.PORTAL) {
            throw RuleViolation.badRequest("FEEDBACK_CHANNEL_REQUIRED", "请选择收到意见建议的途径：信件、电话、电子邮件或政务新媒体（第五十四条）。");
        }
        if (receivedOn == null || receivedOn.isAfter(clock.today())) {
            throw RuleViolation.badRequest("FEEDBACK_RECEIVED_ON_INVALID", "请填写收到意见建议的日期（不晚于今天）。");
        }
        return insert(d, channel, authorName, contact, content, receivedOn, actor.id(), actor);
    }

    private Item insert(Decision d, Channel channel, String authorName, String contact, String content, LocalDate receivedOn,
                        String enteredBy, Actor actor) {
        if (!open(d)) {
            throw new RuleViolation("FEEDBACK_NOT_OPEN", "该决策不在执行中，暂不接收对决策执行的意见建议（第五十四条）。");
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("FEEDBACK_CONTENT_REQUIRED", "请填写意见建议的内容。");
        }
        if (text.length() > MAX_CONTENT) {
            throw RuleViolation.badRequest("FEEDBACK_TOO_LONG", "意见建议不超过" + MAX_CONTENT + "字（现为" + text.length() + "字）。");
        }
        String name = blank(authorName);
        String reach = blank(contact);
        if ((name != null && name.length() > 64) || (reach != null && reach.length() > 200)) {
            throw RuleViolation.badRequest("FEEDBACK_FIELD_TOO_LONG", "姓名或单位不超过64字，联系方式不超过200字。");
        }
        String receipt = receipts.next();
        while (jdbc.sql("SELECT COUNT(*) FROM juece.execution_feedback WHERE receipt = ?").param(receipt).query(Integer.class).single() > 0) {
            receipt = receipts.next();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.execution_feedback (decision_id, receipt, channel, author_name, contact, content, received_on,
                                                      received_at, entered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), receipt, channel.name(), name, reach, text, receivedOn, clock.now(), enteredBy).update(keys, "id");
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_FEEDBACK_RECEIVED, "收到对决策执行的意见建议（" + channel.label()
                + "，回执号 " + ReceiptNumbers.display(receipt) + "，第五十四条）：" + text);
        outbox.toGroups(d.id(), "EXECUTION_FEEDBACK", List.of(Groups.decisionOrgan(d.organCode())),
                "【意见建议】" + d.number() + " 收到对决策执行的意见建议（" + channel.label() + "）",
                "决策事项：" + d.title() + "（" + d.number() + "）\n途径：" + channel.label() + "\n" + text
                        + "\n请记录并转交有关执行单位处理（第五十四条）。", outbox.link("/decisions/" + d.number() + "/execution#feedback"));
        return byId(keys.getKey().longValue()).orElseThrow();
    }

    // ---- routing and answer ----------------------------------------------------------------------------------

    /** The decision organ or the government office routes the opinion to the execution unit concerned. */
    @Transactional
    public Item route(String number, long id, String unitCode) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "转交意见建议", "第五十四条", Responsible.DECISION_ORGAN, Responsible.GOV_OFFICE);
        Item item = item(d, id);
        if (item.answer() != null) {
            throw new RuleViolation("FEEDBACK_ANSWERED", "该意见建议已答复，不能再转交。");
        }
        String unit = unitCode == null ? "" : unitCode.strip();
        if (plans.unit(d.id(), unit).isEmpty()) {
            throw RuleViolation.badRequest("FEEDBACK_UNIT_NOT_EXECUTION_UNIT", "意见建议转交决策执行单位办理（第五十四条）；“"
                    + directory.unitName(unit) + "”不是该决策事项的执行单位。");
        }
        jdbc.sql("UPDATE juece.execution_feedback SET routed_unit = ?, routed_by = ?, routed_at = ? WHERE id = ?")
                .params(unit, actor.id(), clock.now(), id).update();
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_FEEDBACK_ROUTED, "将意见建议（回执号 " + item.receiptDisplay()
                + "）转交" + directory.unitName(unit) + "办理（第五十四条）");
        outbox.toGroups(d.id(), "EXECUTION_FEEDBACK", List.of(Groups.unit(unit)),
                "【意见建议转办】" + d.number() + " 请研究处理并答复", "决策事项：" + d.title() + "（" + d.number() + "）\n意见建议：" + item.content()
                        + "\n请研究处理并在决策执行页面答复（第五十四条）。", outbox.link("/decisions/" + d.number() + "/execution#feedback"));
        return byId(id).orElseThrow();
    }

    /** The unit it was routed to answers (Art. 54: 作出处理); the citizen reads the answer by receipt. */
    @Transactional
    public Item answer(String number, long id, String answer) {
        Decision d = access.visible(number);
        Actor actor = directory.currentActor();
        if (!d.isOpen()) {
            throw DecisionService.closed(d, "答复意见建议");
        }
        Item item = item(d, id);
        if (item.routedUnit() == null) {
            throw new RuleViolation("FEEDBACK_NOT_ROUTED", "该意见建议尚未转交执行单位，请决策机关先转交（第五十四条）。");
        }
        String group = Groups.unit(item.routedUnit());
        if (!actor.isSystem() && !actor.groups().contains(group)) {
            throw RuleViolation.forbidden("NOT_EXECUTION_UNIT", "该意见建议已转交" + directory.unitName(item.routedUnit())
                    + "处理并答复（第五十四条），您（" + actor.name() + "）不属于该单位。");
        }
        if (item.answer() != null) {
            throw new RuleViolation("FEEDBACK_ANSWERED", "该意见建议已答复。");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("FEEDBACK_ANSWER_REQUIRED", "请填写处理情况和答复。");
        }
        if (text.length() > MAX_ANSWER) {
            throw RuleViolation.badRequest("FEEDBACK_ANSWER_TOO_LONG", "答复不超过" + MAX_ANSWER + "字。");
        }
        jdbc.sql("UPDATE juece.execution_feedback SET answer = ?, answered_by = ?, answered_for = ?, answered_at = ? WHERE id = ?")
                .params(text, actor.id(), group, clock.now(), id).update();
        audit.record(actor, group, d.id(), d.number(), AuditAction.EXECUTION_FEEDBACK_ANSWERED, "答复意见建议（回执号 "
                + item.receiptDisplay() + "，第五十四条）：" + text, null);
        return byId(id).orElseThrow();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** Opinions are received while the decision is in execution. */
    public boolean open(Decision d) {
        return !d.ended() && plans.stageInstance(d).isPresent();
    }

    public List<Item> items(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_feedback WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> map(rs)).list();
    }

    public Optional<Item> byId(long id) {
        return jdbc.sql("SELECT * FROM juece.execution_feedback WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** The citizen's lookup by receipt number (typed in any case, with or without dashes). */
    public Optional<Lookup> lookup(String typed) {
        return ReceiptNumbers.normalise(typed).flatMap(r -> jdbc.sql("SELECT * FROM juece.execution_feedback WHERE receipt = ?")
                .param(r).query((rs, i) -> map(rs)).optional())
                .map(i -> {
                    Decision d = decisions.get(i.decisionId());
                    return new Lookup(i.receiptDisplay(), d.number(), d.title(), i.channel().label(), i.content(), i.receivedAt(),
                            i.statusLabel(), i.routedUnit() == null ? null : directory.unitName(i.routedUnit()), i.answer(),
                            i.answeredFor() == null ? null : directory.groupName(i.answeredFor()), i.answeredAt());
                });
    }

    private Item item(Decision d, long id) {
        return byId(id).filter(i -> i.decisionId() == d.id()).orElseThrow(() -> RuleViolation.notFound("FEEDBACK_NOT_FOUND",
                "该决策事项没有这条意见建议：" + id + "。"));
    }

    private static RuleViolation notFound() {
        return RuleViolation.notFound("DECISION_NOT_PUBLISHED", "没有找到该决策，或该决策尚未公布。");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Item map(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("receipt"), Channel.valueOf(rs.getString("channel")),
                rs.getString("author_name"), rs.getString("contact"), rs.getString("content"),
                rs.getObject("received_on", LocalDate.class), ExecutionReports.time(rs, "received_at"), rs.getString("entered_by"),
                rs.getString("routed_unit"), rs.getString("routed_by"), ExecutionReports.time(rs, "routed_at"), rs.getString("answer"),
                rs.getString("answered_by"), rs.getString("answered_for"), ExecutionReports.time(rs, "answered_at"));
    }
}

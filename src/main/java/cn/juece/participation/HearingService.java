package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
import cn.juece.identity.Groups;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.AppClock;
import cn.juece.support.Hashes;
import cn.juece.support.RuleViolation;

/**
 * Hearings (Art. 22-26): whether one is required, recorded with its grounds; the notice at least 15 days
 * before; applications; a published selection method and a reproducible selection that seats every side;
 * stakeholder representatives generally at least half; participants published in advance; materials at
 * least 7 days before; presider and recorder; attendance and a signed record; the hearing report.
 */
@Service
public class HearingService {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** Art. 22's three grounds. */
    static final Map<String, String> GROUNDS = Map.of(
            "LAW", "法律、法规、规章规定应当听证",
            "MAJOR_IMPACT", "直接涉及公民、法人或者其他组织切身利益，可能造成重大影响",
            "MAJOR_DISAGREEMENT", "决策事项存在重大分歧");

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final AuditTrail audit;
    private final Periods periods;
    private final AppClock clock;
    private final ReceiptNumbers receipts;

    private final LeadUnitCheck leadUnit;

    HearingService(JdbcClient jdbc, DecisionService decisions, MaterialService materials,
                   AuditTrail audit, Periods periods, AppClock clock, ReceiptNumbers receipts, LeadUnitCheck leadUnit) {
        this.leadUnit = leadUnit;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.materials = materials;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
        this.receipts = receipts;
    }

    /** Art. 22: the system asks whether a hearing is required and records the answer with its grounds. */
    @Transactional
    public void recordRequirement(String number, boolean required, List<String> grounds, String note) {
        Decision d = decisions.get(number);
        Actor actor = leadUnit.require(d, "听证会", "第二十二条");
        List<String> g = grounds == null ? List.of() : grounds;
        if (!GROUNDS.keySet().containsAll(g)) {
            throw RuleViolation.badRequest("HEARING_GROUND_INVALID", "听证情形只能是：" + String.join("、", GROUNDS.values()) + "（第二十二条）。");
        }
        if (required && g.isEmpty()) {
            throw RuleViolation.badRequest("HEARING_GROUND_REQUIRED", "请选择应当听证的情形（第二十二条）。");
        }
        if (!required && !g.isEmpty()) {
            throw new RuleViolation("HEARING_REQUIRED_BY_GROUND", "存在第二十二条所列情形的，应当召开听证会：" +
                    g.stream().map(GROUNDS::get).collect(Collectors.joining("；")) + "。");
        }
        if (!required && (note == null || note.isBlank())) {
            throw RuleViolation.badRequest("HEARING_NOTE_REQUIRED", "不召开听证会的，请说明不存在第二十二条所列情形的理由。");
        }
        jdbc.sql("DELETE FROM juece.hearing_requirement WHERE decision_id = ?").param(d.id()).update();
        jdbc.sql("INSERT INTO juece.hearing_requirement (decision_id, required, grounds, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), required, String.join(",", g), note == null ? null : note.strip(), actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.HEARING_RECORDED, (required ? "应当召开听证会：" +
                g.stream().map(GROUNDS::get).collect(Collectors.joining("；")) : "不召开听证会，理由：" + note.strip()) + "（第二十二条）");
    }

    /** null when not answered yet. */
    public Boolean required(long decisionId) {
        return jdbc.sql("SELECT required FROM juece.hearing_requirement WHERE decision_id = ?").param(decisionId)
                .query(Boolean.class).optional().orElse(null);
    }

    /** Art. 23: the notice, at least 15 days before, with time, place, draft and explanation, how and until when to apply. */
    @Transactional
    public Hearing publishNotice(String number, String title, LocalDate heldOn, String place, Integer seats, LocalDate applyUntil) {
        Decision d = decisions.get(number);
        Actor actor = leadUnit.require(d, "听证会", "第二十二条");
        LocalDate today = clock.today();
        if (title == null || title.isBlank() || heldOn == null || place == null || place.isBlank() || seats == null || seats < 1
                || applyUntil == null) {
            throw RuleViolation.badRequest("HEARING_NOTICE_INCOMPLETE", "听证公告应当写明举行时间、地点、参加人数以及申请参加的时间和方式（第二十三条）。");
        }
        if (materials.latest(d.id(), MaterialType.DRAFT).isEmpty() || materials.latest(d.id(), MaterialType.DRAFTING_EXPLANATION).isEmpty()) {
            throw new RuleViolation("HEARING_DRAFT_MISSING", "听证公告应当公布决策草案及其说明（第二十三条）。请先上传《决策草案》和《起草说明》。");
        }
        LocalDate latestNotice = periods.end("HEARING_NOTICE", heldOn);
        if (today.isAfter(latestNotice)) {
            throw new RuleViolation("HEARING_NOTICE_LATE", "应当在召开听证会15日前公告（第二十三条）。听证会定于" + CHINESE_DATE.format(heldOn)
                    + "，公告最迟应于" + CHINESE_DATE.format(latestNotice) + "发布。请推迟听证会日期。");
        }
        if (applyUntil.isBefore(today) || !applyUntil.isBefore(heldOn)) {
            throw RuleViolation.badRequest("HEARING_APPLY_UNTIL_INVALID", "报名截止日期应当在今天之后、听证会召开之前。");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.hearing (decision_id, title, held_on, place, seats, apply_until, notice_published_on, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), title.strip(), heldOn, place.strip(), seats, applyUntil, today, Hearing.Status.NOTICED.name(),
                        actor.id(), clock.now())
                .update(keys, "id");
        audit.record(actor, d.id(), d.number(), AuditAction.HEARING_RECORDED, "发布听证公告：“" + title.strip() + "”定于"
                + CHINESE_DATE.format(heldOn) + "在" + place.strip() + "举行，参加人" + seats + "名，报名截止" + CHINESE_DATE.format(applyUntil) + "（第二十三条）");
        return get(keys.getKey().longValue());
    }

    /** Art. 24: a person with an interest applies to take part (from the portal, or entered by staff). */
    @Transactional
    public Hearing.Applicant apply(long hearingId, String name, String contact, String side, boolean stakeholder, String statement) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        if (h.status() != Hearing.Status.NOTICED || clock.now().isAfter(Periods.endOfDay(h.applyUntil()).toOffsetDateTime())) {
            throw new RuleViolation("HEARING_APPLICATION_CLOSED", "听证会报名已于" + CHINESE_DATE.format(h.applyUntil()) + "24时截止。");
        }
        if (blank(name) || blank(contact) || blank(side)) {
            throw RuleViolation.badRequest("HEARING_APPLICATION_INCOMPLETE", "请填写姓名、联系方式和所代表的利益方（如居民用户、经营者）。");
        }
        if (name.length() > 64 || contact.length() > 200 || side.length() > 64 || statement != null && statement.length() > 2000) {
            throw RuleViolation.badRequest("HEARING_APPLICATION_TOO_LONG", "姓名不超过64字，联系方式不超过200字，利益方不超过64字，陈述要点不超过2000字。");
        }
        String receipt = receipts.next();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.hearing_applicant (hearing_id, receipt, name, contact, side, stakeholder, statement, submitted_at,
                    selected, attended, signed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE)""")
                .params(hearingId, receipt, name.strip(), contact.strip(), side.strip(), stakeholder,
                        statement == null ? null : statement.strip(), clock.now())
                .update(keys, "id");
        audit.record(new Actor("public", "社会公众", null, null, "听证申请人", List.of()), d.id(), d.number(),
                AuditAction.HEARING_RECORDED, "收到听证参加申请 " + ReceiptNumbers.display(receipt) + "（" + side.strip() + (stakeholder ? "，利害关系人" : "") + "）");
        return get(hearingId).applicants().stream().filter(a -> a.receipt().equals(receipt)).findFirst().orElseThrow();
    }

    /** Art. 24: when applicants are many, the selection method is published before selection. */
    @Transactional
    public Hearing publishSelectionMethod(long hearingId, String method) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.NOTICED) {
            throw new RuleViolation("HEARING_SELECTION_DONE", "已确定听证参加人，不能再变更遴选办法。");
        }
        if (blank(method)) {
            throw RuleViolation.badRequest("SELECTION_METHOD_REQUIRED", "请填写听证参加人遴选办法。");
        }
        jdbc.sql("UPDATE juece.hearing SET selection_method = ?, selection_method_published = ? WHERE id = ?")
                .params(method.strip(), clock.now(), hearingId).update();
        audit.record(d.id(), d.number(), AuditAction.HEARING_RECORDED, "公布听证参加人遴选办法：" + method.strip() + "（第二十四条）");
        return get(hearingId);
    }

    /**
     * Selects the participants after applications close: every side first (保证相关各方都有代表参加), then stakeholder
     * representatives up to half of the seats, then the rest, each in the order of SHA-256(seed + receipt), so
     * anyone holding the published seed and the receipts can reproduce the selection (Art. 24).
     */
    @Transactional
    public Hearing select(long hearingId) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.NOTICED) {
            throw new RuleViolation("HEARING_SELECTION_DONE", "听证参加人已经确定。");
        }
        RuleViolation.throwFirst(selectionBlockers(h));
        List<Hearing.Applicant> all = h.applicants();
        String seed = Hashes.sha256(h.id() + "|" + (h.selectionMethod() == null ? "" : h.selectionMethod()) + "|" + all.size());
        Set<Long> chosen = new LinkedHashSet<>();
        if (all.size() <= h.seats()) {
            all.forEach(a -> chosen.add(a.id()));
        } else {
            Comparator<Hearing.Applicant> byLot = Comparator.comparing(a -> Hashes.sha256(seed + a.receipt()));
            Map<String, List<Hearing.Applicant>> bySide = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Hearing.Applicant::side)));
            List<Hearing.Applicant> sideFirsts = new ArrayList<>(bySide.values().stream().map(l -> l.stream().min(byLot).orElseThrow()).toList());
            sideFirsts.sort(byLot);
            sideFirsts.stream().limit(h.seats()).forEach(a -> chosen.add(a.id()));
            int half = (h.seats() + 1) / 2;
            all.stream().filter(Hearing.Applicant::stakeholder).sorted(byLot).forEach(a -> {
                long stakeholders = all.stream().filter(x -> chosen.contains(x.id()) && x.stakeholder()).count();
                if (chosen.size() < h.seats() && stakeholders < half) {
                    chosen.add(a.id());
                }
            });
            all.stream().sorted(byLot).forEach(a -> {
                if (chosen.size() < h.seats()) {
                    chosen.add(a.id());
                }
            });
        }
        for (Long id : chosen) {
            jdbc.sql("UPDATE juece.hearing_applicant SET selected = TRUE WHERE id = ?").param(id).update();
        }
        jdbc.sql("UPDATE juece.hearing SET selection_seed = ?, status = ? WHERE id = ?").params(seed, Hearing.Status.SELECTED.name(), hearingId).update();
        audit.record(d.id(), d.number(), AuditAction.HEARING_RECORDED, "确定听证参加人" + chosen.size() + "名（申请" + all.size()
                + "人；遴选种子 " + seed + "，按 SHA-256(种子+回执号) 排序，可复核，第二十四条）");
        return get(hearingId);
    }

    /** Art. 24: the participants' basic information is published in advance. */
    @Transactional
    public Hearing publishParticipants(long hearingId) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.SELECTED) {
            throw new RuleViolation("HEARING_NOT_SELECTED", "请先确定听证参加人。");
        }
        jdbc.sql("UPDATE juece.hearing SET participants_published = ? WHERE id = ?").params(clock.now(), hearingId).update();
        audit.record(d.id(), d.number(), AuditAction.HEARING_RECORDED, "向社会公布听证参加人的基本情况（第二十四条）");
        return get(hearingId);
    }

    /** Records the presider, the recorder, the materials' delivery, and a reason if stakeholders are below half. */
    @Transactional
    public Hearing prepare(long hearingId, String presider, String recorder, LocalDate materialsDeliveredOn, String belowHalfReason) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        Actor actor = leadUnit.require(d, "听证会", "第二十二条");
        String reason = blank(belowHalfReason) ? null : belowHalfReason.strip();
        // A new reason is the head's to give; a clerk re-submitting the preparation keeps the head's reason as it is.
        boolean newReason = reason != null && !reason.equals(h.belowHalfReason());
        if (newReason && !actor.groups().contains(Groups.unitHead(d.leadUnit()))) {
            throw RuleViolation.forbidden("HEAD_APPROVAL_REQUIRED", "利害关系人代表少于参加人总数二分之一的理由，须由本单位负责人填写（第二十四条，一般不少于）。");
        }
        jdbc.sql("UPDATE juece.hearing SET presider = ?, recorder = ?, materials_delivered_on = ?, below_half_reason = ? WHERE id = ?")
                .params(blank(presider) ? null : presider.strip(), blank(recorder) ? null : recorder.strip(), materialsDeliveredOn,
                        reason, hearingId).update();
        if (newReason || reason == null) {
            jdbc.sql("UPDATE juece.hearing SET below_half_approved_by = ?, below_half_approved_at = ? WHERE id = ?")
                    .params(reason == null ? null : actor.id(), reason == null ? null : clock.now(), hearingId).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.HEARING_RECORDED, "听证主持人：" + presider + "，听证记录人：" + recorder
                + (materialsDeliveredOn == null ? "" : "，材料于" + CHINESE_DATE.format(materialsDeliveredOn) + "送达")
                + (blank(belowHalfReason) ? "" : "，利害关系人代表不足半数的理由：" + belowHalfReason.strip()));
        return get(hearingId);
    }

    /** Confirms the hearing may be held: Art. 24's conditions, Art. 25's presider and recorder. */
    @Transactional
    public Hearing confirm(long hearingId) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.SELECTED) {
            throw new RuleViolation("HEARING_NOT_SELECTED", "请先确定听证参加人。");
        }
        RuleViolation.throwFirst(confirmBlockers(h));
        setStatus(h, Hearing.Status.CONFIRMED, "确认召开“" + h.title() + "”");
        return get(hearingId);
    }

    /** Art. 25: the recorder checks attendance; the participants sign the record. */
    @Transactional
    public Hearing held(long hearingId, List<Long> attended, List<Long> signed) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.CONFIRMED) {
            throw new RuleViolation("HEARING_NOT_CONFIRMED", "听证会尚未确认召开。");
        }
        RuleViolation.throwFirst(notYetHeld(h));
        Set<Long> present = Set.copyOf(attended == null ? List.of() : attended);
        Set<Long> signers = Set.copyOf(signed == null ? List.of() : signed);
        Set<Long> participants = h.participants().stream().map(Hearing.Applicant::id).collect(Collectors.toSet());
        if (present.isEmpty() || !participants.containsAll(present)) {
            throw RuleViolation.badRequest("HEARING_ATTENDANCE_INVALID", "请由听证记录人核对到场的听证参加人（第二十五条）。");
        }
        if (!signers.containsAll(present)) {
            throw new RuleViolation("HEARING_RECORD_UNSIGNED", "到场的听证参加人应当确认听证会记录并签字（第二十五条）。");
        }
        RuleViolation.throwFirst(recordMissing(h));
        for (Long id : present) {
            jdbc.sql("UPDATE juece.hearing_applicant SET attended = TRUE, signed = ? WHERE id = ?").params(signers.contains(id), id).update();
        }
        setStatus(h, Hearing.Status.HELD, "“" + h.title() + "”已召开，到场" + present.size() + "人，记录已签字");
        return get(hearingId);
    }

    /** Art. 26: the hearing report, an important basis of the decision. */
    @Transactional
    public Hearing report(long hearingId) {
        Hearing h = get(hearingId);
        Decision d = decisions.get(h.decisionId());
        leadUnit.require(d, "听证会", "第二十二条");
        if (h.status() != Hearing.Status.HELD) {
            throw new RuleViolation("HEARING_NOT_HELD", "听证会尚未召开。");
        }
        RuleViolation.throwFirst(reportMissing(h));
        setStatus(h, Hearing.Status.REPORTED, "形成“" + h.title() + "”听证报告（第二十六条）");
        return get(hearingId);
    }

    @Transactional
    public Hearing cancel(long hearingId, String reason) {
        Hearing h = get(hearingId);
        leadUnit.require(decisions.get(h.decisionId()), "听证会", "第二十二条");
        if (blank(reason)) {
            throw RuleViolation.badRequest("CANCEL_REASON_REQUIRED", "请写明取消听证会的理由。");
        }
        setStatus(h, Hearing.Status.CANCELLED, "取消“" + h.title() + "”，理由：" + reason.strip());
        return get(hearingId);
    }

    /**
     * What still stands between the hearing and its next step (selection when noticed, confirmation when participants
     * are selected, the record of the meeting when confirmed, the report when held), each as the refusal that step
     * would give now; empty when it may go ahead, or when nothing follows.
     */
    public List<RuleViolation> missing(Hearing h) {
        return switch (h.status()) {
            case NOTICED -> selectionBlockers(h);
            case SELECTED -> confirmBlockers(h);
            case CONFIRMED -> {
                List<RuleViolation> missing = new ArrayList<>(notYetHeld(h));
                missing.addAll(recordMissing(h));
                yield missing;
            }
            case HELD -> reportMissing(h);
            case REPORTED, CANCELLED -> List.of();
        };
    }

    /** The last day the materials may reach the participants (Art. 24: 7 days before). */
    public LocalDate latestMaterialsDelivery(Hearing h) {
        return periods.end("HEARING_MATERIALS", h.heldOn());
    }

    private List<RuleViolation> selectionBlockers(Hearing h) {
        List<RuleViolation> missing = new ArrayList<>();
        if (!clock.now().isAfter(Periods.endOfDay(h.applyUntil()).toOffsetDateTime())) {
            missing.add(new RuleViolation("HEARING_APPLICATION_OPEN", "报名截止（" + CHINESE_DATE.format(h.applyUntil()) + "24时）后才能确定听证参加人。"));
        } else if (h.applicants().isEmpty()) {
            missing.add(new RuleViolation("HEARING_NO_APPLICANTS", "没有人申请参加听证会。可延长报名期限，或邀请利害关系人代表申请。"));
        }
        if (h.applicants().size() > h.seats() && h.selectionMethodPublished() == null) {
            missing.add(new RuleViolation("HEARING_SELECTION_METHOD_NOT_PUBLISHED", "申请人数（" + h.applicants().size() + "人）多于参加人数（"
                    + h.seats() + "人），应当先公布听证参加人遴选办法，再公平公开组织遴选（第二十四条）。"));
        }
        return missing;
    }

    private List<RuleViolation> confirmBlockers(Hearing h) {
        List<RuleViolation> missing = new ArrayList<>();
        if (h.participantsPublished() == null) {
            missing.add(new RuleViolation("HEARING_PARTICIPANTS_NOT_PUBLISHED", "听证参加人的基本情况应当提前向社会公布（第二十四条）。"));
        }
        Set<String> sides = h.applicants().stream().map(Hearing.Applicant::side).collect(Collectors.toSet());
        Set<String> seated = h.participants().stream().map(Hearing.Applicant::side).collect(Collectors.toSet());
        if (!seated.containsAll(sides) && h.participants().size() >= sides.size()) {
            missing.add(new RuleViolation("HEARING_SIDE_UNREPRESENTED", "应当保证相关各方都有代表参加听证会（第二十四条）。"));
        }
        long stakeholders = h.participants().stream().filter(Hearing.Applicant::stakeholder).count();
        if (stakeholders * 2 < h.participants().size() && blank(h.belowHalfReason())) {
            missing.add(new RuleViolation("HEARING_STAKEHOLDERS_BELOW_HALF", "利害关系人代表一般不少于听证参加总人数的二分之一（第二十四条），本次为"
                    + stakeholders + "/" + h.participants().size() + "。确需不足半数的，由本单位负责人说明理由。"));
        }
        if (blank(h.presider()) || blank(h.recorder())) {
            missing.add(new RuleViolation("HEARING_PRESIDER_RECORDER_REQUIRED", "请确定听证主持人和听证记录人（第二十五条）。"));
        }
        LocalDate latest = latestMaterialsDelivery(h);
        if (h.materialsDeliveredOn() == null || h.materialsDeliveredOn().isAfter(latest)) {
            missing.add(new RuleViolation("HEARING_MATERIALS_LATE", "听证会材料应当于召开听证会7日前送达听证参加人（第二十四条），本次最迟应于"
                    + CHINESE_DATE.format(latest) + "送达" + (h.materialsDeliveredOn() == null ? "，尚未记录送达日期。" : "，实际于"
                    + CHINESE_DATE.format(h.materialsDeliveredOn()) + "送达。请改期召开。")));
        }
        return missing;
    }

    private List<RuleViolation> notYetHeld(Hearing h) {
        return clock.today().isBefore(h.heldOn())
                ? List.of(new RuleViolation("HEARING_NOT_YET_HELD", "听证会定于" + CHINESE_DATE.format(h.heldOn()) + "召开，尚未召开。"))
                : List.of();
    }

    private List<RuleViolation> recordMissing(Hearing h) {
        return materials.latest(h.decisionId(), MaterialType.HEARING_RECORD).isEmpty()
                ? List.of(new RuleViolation("MATERIAL_MISSING_HEARING_RECORD", "请上传经听证参加人签字的《听证会记录》（第二十五条）。"))
                : List.of();
    }

    private List<RuleViolation> reportMissing(Hearing h) {
        return materials.latest(h.decisionId(), MaterialType.HEARING_REPORT).isEmpty()
                ? List.of(new RuleViolation("MATERIAL_MISSING_HEARING_REPORT",
                        "请上传《听证报告》：召开听证会的基本情况、听证参加人的意见、意见采纳情况和理由（第二十六条）。"))
                : List.of();
    }

    /** The portal's list: the newest hearings first, cancelled ones left out. */
    public List<Hearing> recent() {
        return jdbc.sql("SELECT id FROM juece.hearing WHERE status <> 'CANCELLED' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY")
                .query(Long.class).list().stream().map(this::get).toList();
    }

    public List<Hearing> ofDecision(long decisionId) {
        return jdbc.sql("SELECT id FROM juece.hearing WHERE decision_id = ? ORDER BY id").param(decisionId).query(Long.class).list()
                .stream().map(this::get).toList();
    }

    public Hearing get(long id) {
        var applicants = jdbc.sql("""
                SELECT id, receipt, name, contact, side, stakeholder, statement, submitted_at, selected, attended, signed
                FROM juece.hearing_applicant WHERE hearing_id = ? ORDER BY id""").param(id)
                .query((rs, i) -> new Hearing.Applicant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7), time(rs.getObject(8, OffsetDateTime.class)), rs.getBoolean(9),
                        rs.getBoolean(10), rs.getBoolean(11)))
                .list();
        return jdbc.sql("""
                SELECT id, decision_id, title, held_on, place, seats, apply_until, notice_published_on, selection_method,
                       selection_method_published, selection_seed, participants_published, materials_delivered_on, presider, recorder,
                       below_half_reason, status
                FROM juece.hearing WHERE id = ?""").param(id)
                .query((rs, i) -> new Hearing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        rs.getString(9), time(rs.getObject(10, OffsetDateTime.class)), rs.getString(11),
                        time(rs.getObject(12, OffsetDateTime.class)), rs.getObject(13, LocalDate.class), rs.getString(14),
                        rs.getString(15), rs.getString(16), Hearing.Status.valueOf(rs.getString(17)), applicants))
                .optional()
                .orElseThrow(() -> RuleViolation.notFound("HEARING_NOT_FOUND", "听证会不存在：" + id));
    }

    private void setStatus(Hearing h, Hearing.Status status, String detail) {
        Decision d = decisions.get(h.decisionId());
        jdbc.sql("UPDATE juece.hearing SET status = ? WHERE id = ?").params(status.name(), h.id()).update();
        audit.record(d.id(), d.number(), AuditAction.HEARING_RECORDED, detail);
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}

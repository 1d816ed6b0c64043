package cn.juece.publication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.deadline.PeriodStarts;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentNumbers;
import cn.juece.document.DocumentService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Organ;
import cn.juece.meeting.MeetingService;
import cn.juece.participation.Adoption;
import cn.juece.participation.Consultation;
import cn.juece.participation.Opinion;
import cn.juece.participation.PublicCommentService;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * What the government office records to issue and publish a decision (Art. 51, 52; openness excerpt): the report to
 * the party committee, the Art. 51 route where one applies (and its completion, awaited before issuing), the
 * document number (〔〕 form) and the day the document was issued (印发, the date on the document), then how it was
 * published (gazette issue, website, new media, newspaper) with its basis, or the ground for not publishing it, and
 * the interpretation given. The 10 working days to publish the opinions' adoption count from the issuing day.
 */
@Service
public class PublicationRecords implements PeriodStarts {

    /**
     * Art. 51: whether the decision must go to the people's congress (deliberation and decision, or a report to its
     * standing committee) or to the superior government for approval, each named by the organ's own bodies.
     */
    public enum Route {
        NONE, NPC_DECIDE, NPC_REPORT, CITY_APPROVAL;

        /**
         * Art. 51 by reference (Art. 64): the route as the organ's own bodies name it, e.g. for a sub-district
         * 报县人民政府批准; the routes through a people's congress only where the organ has one.
         */
        public String label(Organ organ) {
            String congress = organ.congress();
            // a route recorded before the organ was set up without a congress still reads sensibly
            String named = congress == null ? "人民代表大会" : congress;
            return switch (this) {
                case NONE -> congress == null ? "无需报" + organ.superiorGovernment() + "批准"
                        : "无需提请" + congress + "及其常务委员会审议决定、报告或报" + organ.superiorGovernment() + "批准";
                case NPC_DECIDE -> "提请" + named + "或其常务委员会审议决定";
                case NPC_REPORT -> "向" + named + "常务委员会报告";
                case CITY_APPROVAL -> "报" + organ.superiorGovernment() + "批准";
            };
        }

        /** The routes open to the organ: those through a people's congress only where it has one. */
        public static List<Route> of(Organ organ) {
            return organ.congress() == null ? List.of(NONE, CITY_APPROVAL) : List.of(values());
        }

        /** The routes of the organ with their labels, in order (the page's choices, the refusal's list). */
        public static Map<Route, String> labels(Organ organ) {
            Map<Route, String> m = new LinkedHashMap<>();
            of(organ).forEach(r -> m.put(r, r.label(organ)));
            return m;
        }
    }

    public enum ExemptGround {
        STATE_SECRET("涉及国家秘密"), COMMERCIAL_SECRET("涉及商业秘密"), PERSONAL_PRIVACY("涉及个人隐私"),
        OTHER_NOT_PUBLIC("其他依法不予公开的情形");

        private final String label;

        ExemptGround(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum InterpretationKind {
        QA("政策问答"), PRESS_CONFERENCE("新闻发布会"), INTERVIEW("访谈"), GRAPHIC("图文解读"), OTHER("其他解读");

        private final String label;

        InterpretationKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Record(long decisionId, LocalDate partyReportOn, String partyReportRef, Route route, String routeRef,
                         LocalDate routeDoneOn, String docNumber, LocalDate issuedOn, String gazetteIssue, String websiteUrl,
                         String newMedia, String newspaper, String basis, ExemptGround exemptGround, String exemptReason) {

        static Record empty(long decisionId) {
            return new Record(decisionId, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public boolean exempt() {
            return exemptGround != null;
        }

        public String exemptLabel() {
            return exemptGround == null ? null : exemptGround.label();
        }

        /** The ways it was published, in Chinese (the portal, the facts). */
        public String channels() {
            List<String> c = new ArrayList<>();
            if (gazetteIssue != null) c.add("县政府公报（" + gazetteIssue + "）");
            if (websiteUrl != null) c.add("县政府网站");
            if (newMedia != null) c.add("政务新媒体（" + newMedia + "）");
            if (newspaper != null) c.add("报纸（" + newspaper + "）");
            return String.join("、", c);
        }
    }

    public record Interpretation(long id, InterpretationKind kind, String title, String url, LocalDate heldOn) {
        public String kindLabel() {
            return kind.label();
        }
    }

    static final String FEEDBACK_TASK = PublicationService.FEEDBACK_TASK;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final DocumentService documents;
    private final org.springframework.beans.factory.ObjectProvider<PublicCommentService> comments;
    private final MeetingService meetings;
    private final int minReason;

    PublicationRecords(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Directory directory, AuditTrail audit,
                       AppClock clock, DocumentService documents, org.springframework.beans.factory.ObjectProvider<PublicCommentService> comments, MeetingService meetings,
                       @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.documents = documents;
        this.comments = comments;
        this.meetings = meetings;
        this.minReason = minReason;
    }

    public record IssuanceInput(LocalDate partyReportOn, String partyReportRef, String route, String routeRef, LocalDate routeDoneOn,
                                String docNumber, LocalDate issuedOn) {
    }

    /** Art. 51: the report to the party committee, the route where one applies, the document number and issuing day. */
    @Transactional
    public Record recordIssuance(String number, IssuanceInput in) {
        Decision d = inPublication(number);
        Actor actor = access.require(d, "记录决策出台情况", "第五十一条", Responsible.GOV_OFFICE);
        Record old = record(d.id());
        LocalDate today = clock.today();
        for (LocalDate day : new LocalDate[] {in.partyReportOn(), in.routeDoneOn(), in.issuedOn()}) {
            if (day != null && day.isAfter(today)) {
                throw RuleViolation.badRequest("DATE_IN_FUTURE", "日期不能晚于今天（" + DocumentService.cnDate(today) + "）：请在事项办理后记录。");
            }
        }
        Route route = old.route();
        Organ organ = directory.organ(d.organCode());
        if (in.route() != null && !in.route().isBlank()) {
            Route chosen = java.util.Arrays.stream(Route.values()).filter(x -> x.name().equals(in.route().strip())).findFirst().orElse(null);
            if (chosen == null || !Route.of(organ).contains(chosen)) {
                // Art. 51 by reference: a sub-district has no people's congress to put a decision to (Art. 64)
                throw RuleViolation.badRequest("ART51_ROUTE_INVALID", "请选择第五十一条规定的办理方式：" + String.join("、",
                        Route.labels(organ).entrySet().stream().map(e -> e.getKey().name() + "（" + e.getValue() + "）").toList()) + "。");
            }
            route = chosen;
        }
        String docNumber = text(in.docNumber(), 100, "发文字号");
        if (docNumber != null && !DocumentNumbers.valid(docNumber)) {
            throw RuleViolation.badRequest("DOC_NUMBER_INVALID", DocumentNumbers.refusal(docNumber));
        }
        Record r = new Record(d.id(), or(in.partyReportOn(), old.partyReportOn()), or(text(in.partyReportRef(), 200, "请示报告情况"), old.partyReportRef()),
                route, or(text(in.routeRef(), 200, "办理情况"), old.routeRef()), or(in.routeDoneOn(), old.routeDoneOn()),
                or(docNumber, old.docNumber()), or(in.issuedOn(), old.issuedOn()), old.gazetteIssue(), old.websiteUrl(), old.newMedia(),
                old.newspaper(), old.basis(), old.exemptGround(), old.exemptReason());
        save(r, actor);
        audit.record(actor, d.id(), d.number(), AuditAction.PUBLICATION_RECORDED, "决策出台："
                + (r.partyReportOn() == null ? "" : "已于" + DocumentService.cnDate(r.partyReportOn()) + "向" + directory.organ(d.organCode()).partyCommittee() + "请示报告" + (r.partyReportRef() == null ? "" : "（" + r.partyReportRef() + "）") + "；")
                + (r.route() == null ? "" : r.route().label(organ) + (r.routeDoneOn() == null ? "" : "，" + DocumentService.cnDate(r.routeDoneOn()) + "办结") + "；")
                + (r.docNumber() == null ? "" : "发文字号" + r.docNumber() + "；") + (r.issuedOn() == null ? "" : "印发日期" + DocumentService.cnDate(r.issuedOn()))
                + "（第五十一条）");
        return record(d.id());
    }

    public record PublicationInput(String gazetteIssue, String websiteUrl, String newMedia, String newspaper, String basis,
                                   String exemptGround, String exemptReason) {
    }

    /** Art. 52: how the decision was published, with its basis; or the ground for not publishing it. */
    @Transactional
    public Record recordPublication(String number, PublicationInput in) {
        Decision d = inPublication(number);
        Actor actor = access.require(d, "记录决策公布情况", "第五十二条", Responsible.GOV_OFFICE);
        Record old = record(d.id());
        String url = text(in.websiteUrl(), 500, "网站链接");
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw RuleViolation.badRequest("WEBSITE_URL_INVALID", "政府网站的链接应以 http:// 或 https:// 开头。");
        }
        ExemptGround ground = old.exemptGround();
        String exemptReason = old.exemptReason();
        if (in.exemptGround() != null && !in.exemptGround().isBlank()) {
            try {
                ground = ExemptGround.valueOf(in.exemptGround().strip());
            } catch (IllegalArgumentException e) {
                throw RuleViolation.badRequest("EXEMPT_GROUND_INVALID", "依法不予公开的，请选择依据：STATE_SECRET、COMMERCIAL_SECRET、PERSONAL_PRIVACY、OTHER_NOT_PUBLIC（第五十二条）。");
            }
            exemptReason = text(in.exemptReason(), 1000, "不予公开的理由");
            if (exemptReason == null || exemptReason.length() < minReason) {
                throw RuleViolation.badRequest("EXEMPT_REASON_REQUIRED", "依法不予公开的，应当写明理由（第五十二条，不少于" + minReason + "字）。");
            }
        }
        Record r = new Record(d.id(), old.partyReportOn(), old.partyReportRef(), old.route(), old.routeRef(), old.routeDoneOn(), old.docNumber(),
                old.issuedOn(), or(text(in.gazetteIssue(), 200, "公报期号"), old.gazetteIssue()), or(url, old.websiteUrl()),
                or(text(in.newMedia(), 200, "政务新媒体"), old.newMedia()), or(text(in.newspaper(), 200, "报纸"), old.newspaper()),
                or(text(in.basis(), 1000, "决策依据"), old.basis()), ground, exemptReason);
        save(r, actor);
        audit.record(actor, d.id(), d.number(), AuditAction.PUBLICATION_RECORDED, r.exempt()
                ? "依法不予公开：" + r.exemptGround().label() + "；理由：" + r.exemptReason() + "（第五十二条）"
                : "公布途径：" + r.channels() + (r.websiteUrl() == null ? "" : "（" + r.websiteUrl() + "）") + (r.basis() == null ? "" : "；决策依据：" + r.basis())
                        + "（第五十二条）");
        return record(d.id());
    }

    /** Art. 52: interpretation (Q&A, press conference, interview) attached to the publication. */
    @Transactional
    public Interpretation addInterpretation(String number, String kindCode, String title, String url, LocalDate heldOn) {
        Decision d = inPublication(number);
        Actor actor = access.require(d, "宣传解读", "第五十二条", Responsible.GOV_OFFICE, Responsible.LEAD_UNIT);
        InterpretationKind kind;
        try {
            kind = InterpretationKind.valueOf(kindCode == null ? "" : kindCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("INTERPRETATION_KIND_INVALID", "请选择解读方式：QA（政策问答）、PRESS_CONFERENCE（新闻发布会）、INTERVIEW（访谈）、GRAPHIC（图文解读）、OTHER。");
        }
        String t = text(title, 200, "标题");
        if (t == null) {
            throw RuleViolation.badRequest("INTERPRETATION_TITLE_REQUIRED", "请填写解读材料的标题（第五十二条）。");
        }
        String u = text(url, 500, "链接");
        if (u != null && !(u.startsWith("http://") || u.startsWith("https://"))) {
            throw RuleViolation.badRequest("WEBSITE_URL_INVALID", "链接应以 http:// 或 https:// 开头。");
        }
        jdbc.sql("INSERT INTO juece.decision_interpretation (decision_id, kind, title, url, held_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), kind.name(), t, u, heldOn, actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.PUBLICATION_RECORDED, "宣传解读：" + kind.label() + "《" + t + "》（第五十二条）");
        List<Interpretation> all = interpretations(d.id());
        return all.get(all.size() - 1);
    }

    /** The publication notice (决策公布公告) generated from the record. */
    @Transactional
    public DocumentService.Generated generateNotice(String number) {
        Decision d = inPublication(number);
        access.require(d, "生成决策公布公告", "第五十二条", Responsible.GOV_OFFICE);
        Record r = record(d.id());
        if (r.docNumber() == null || r.issuedOn() == null) {
            throw new RuleViolation("ISSUANCE_NOT_RECORDED", "请先记录发文字号和印发日期（第五十一条、第五十二条）。");
        }
        var organ = directory.organ(d.organCode());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("organName", organ.name());
        v.put("docNumber", r.docNumber());
        v.put("decisionTitle", d.title());
        v.put("issuedOn", DocumentService.cnDate(r.issuedOn()));
        var decided = meetings.latestDecision(d.id());
        String meeting = organ.name() + "常务会议";
        v.put("meetingName", decided.map(m -> m.step().reason() == null ? meeting : m.step().reason()).orElse(meeting));
        v.put("meetingResult", decided.map(MeetingService.MeetingDecision::resultLabel).orElse(""));
        v.put("basis", r.basis() == null ? "" : r.basis());
        v.put("gazette", r.gazetteIssue());
        v.put("website", r.websiteUrl());
        v.put("newMedia", r.newMedia());
        v.put("newspaper", r.newspaper());
        List<Map<String, Object>> interp = new ArrayList<>();
        for (Interpretation i : interpretations(d.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", i.kind().label());
            m.put("title", i.title());
            m.put("url", i.url());
            interp.add(m);
        }
        v.put("hasInterpretations", !interp.isEmpty());
        v.put("interpretations", interp);
        v.put("date", DocumentService.cnDate(clock.today()));
        return documents.generate(d, DocumentKind.PUBLICATION_NOTICE, v);
    }

    /**
     * Openness excerpt: the opinions collected, their adoption and the reasons widely shared ones were not adopted,
     * as the lead unit publishes them within 10 working days of issuing, generated from the participation records.
     */
    @Transactional
    public DocumentService.Generated generateAdoptionSummary(String number) {
        Decision d = inPublication(number);
        access.require(d, "公布意见收集采纳情况", "第五十二条", Responsible.LEAD_UNIT);
        Record r = record(d.id());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("decisionTitle", d.title());
        v.put("leadUnit", DocumentService.officialName(directory.organ(d.organCode()), directory.unitName(d.leadUnit())));
        v.put("docNumber", r.docNumber() == null ? "" : r.docNumber());
        v.put("issuedOn", DocumentService.cnDate(r.issuedOn()));
        List<Map<String, Object>> cs = new ArrayList<>();
        Map<String, int[]> notAdopted = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Consultation c : comments.getObject().ofDecision(d.id())) {
            List<Opinion> ops = comments.getObject().opinions(c.id());
            int a = 0, p = 0, n = 0;
            for (Opinion o : ops) {
                String answer = comments.getObject().answerOf(o);
                if (answer == null) {
                    continue;
                }
                if (answer.startsWith(Adoption.ADOPTED.label())) a++;
                else if (answer.startsWith(Adoption.PARTLY_ADOPTED.label())) p++;
                else {
                    n++;
                    String key = o.clusterId() != null ? "cluster-" + o.clusterId() : "opinion-" + (o.sameAs() == null ? o.id() : o.sameAs());
                    notAdopted.computeIfAbsent(key, k -> new int[1])[0]++;
                    reasons.putIfAbsent(key, abbreviate(o.content()) + "\u0000" + answer.substring(answer.indexOf('：') + 1));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", c.title());
            m.put("period", DocumentService.cnDate(c.opensOn()) + "至" + DocumentService.cnDate(c.closesOn()));
            m.put("count", ops.size());
            m.put("adopted", a);
            m.put("partly", p);
            m.put("notAdopted", n);
            cs.add(m);
        }
        v.put("consultations", cs);
        List<Map<String, Object>> widely = new ArrayList<>();
        notAdopted.entrySet().stream().sorted((x, y) -> y.getValue()[0] - x.getValue()[0]).forEach(e -> {
            String[] parts = reasons.get(e.getKey()).split("\u0000", 2);
            widely.add(Map.of("title", parts[0], "count", e.getValue()[0], "reason", parts.length > 1 ? parts[1] : ""));
        });
        v.put("notAdopted", widely);
        v.put("date", DocumentService.cnDate(clock.today()));
        return documents.generate(d, DocumentKind.ADOPTION_SUMMARY, v);
    }

    // ---- the period of the feedback step counts from the issuing day (openness excerpt) --------------------

    @Override
    public Optional<LocalDate> startOf(long decisionId, String taskKey) {
        return FEEDBACK_TASK.equals(taskKey) ? Optional.ofNullable(record(decisionId).issuedOn()) : Optional.empty();
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    public Record record(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.publication_record WHERE decision_id = ?").param(decisionId)
                .query((rs, i) -> new Record(decisionId, rs.getObject("party_report_on", LocalDate.class), rs.getString("party_report_ref"),
                        rs.getString("route") == null ? null : Route.valueOf(rs.getString("route")), rs.getString("route_ref"),
                        rs.getObject("route_done_on", LocalDate.class), rs.getString("doc_number"), rs.getObject("issued_on", LocalDate.class),
                        rs.getString("gazette_issue"), rs.getString("website_url"), rs.getString("new_media"), rs.getString("newspaper"),
                        rs.getString("basis"), rs.getString("exempt_ground") == null ? null : ExemptGround.valueOf(rs.getString("exempt_ground")),
                        rs.getString("exempt_reason"))).optional().orElse(Record.empty(decisionId));
    }

    public List<Interpretation> interpretations(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.decision_interpretation WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Interpretation(rs.getLong("id"), InterpretationKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        rs.getString("url"), rs.getObject("held_on", LocalDate.class))).list();
    }

    private void save(Record r, Actor actor) {
        OffsetDateTime now = clock.now();
        Object[] values = {r.partyReportOn(), r.partyReportRef(), r.route() == null ? null : r.route().name(), r.routeRef(), r.routeDoneOn(),
                r.docNumber(), r.issuedOn(), r.gazetteIssue(), r.websiteUrl(), r.newMedia(), r.newspaper(), r.basis(),
                r.exemptGround() == null ? null : r.exemptGround().name(), r.exemptReason(), actor.id(), now, r.decisionId()};
        int n = jdbc.sql("""
                UPDATE juece.publication_record SET party_report_on = ?, party_report_ref = ?, route = ?, route_ref = ?, route_done_on = ?,
                  doc_number = ?, issued_on = ?, gazette_issue = ?, website_url = ?, new_media = ?, newspaper = ?, basis = ?, exempt_ground = ?,
                  exempt_reason = ?, updated_by = ?, updated_at = ? WHERE decision_id = ?""").params(values).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO juece.publication_record (party_report_on, party_report_ref, route, route_ref, route_done_on, doc_number, issued_on,
                      gazette_issue, website_url, new_media, newspaper, basis, exempt_ground, exempt_reason, updated_by, updated_at, decision_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    private Decision inPublication(String number) {
        Decision d = decisions.get(number);
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
        if (d.stage() != Stage.PUBLICATION) {
            throw new RuleViolation("NOT_IN_PUBLICATION", "该记录在决策公布阶段办理；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        return d;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip().replace('\n', ' ');
        return t.length() > 40 ? t.substring(0, 40) + "……" : t;
    }

    private static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字。");
        }
        return s.strip();
    }
}

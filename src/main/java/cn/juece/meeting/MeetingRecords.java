package cn.juece.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.DraftingService;
import cn.juece.drafting.Procedure;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;
import cn.juece.identity.Person;
import cn.juece.legality.LegalityRecords;
import cn.juece.legality.LegalityService;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGateRegistry;
import cn.juece.workflow.Step;
import cn.juece.workflow.Steps;

/**
 * The collective decision as the government office keeps it (Art. 48-51): executive meetings (常务会议) and plenary
 * meetings (全体会议) with their date, name and attendees, an agenda of decisions (each admitted only with the Art. 49
 * materials), and for each decision the record in Art. 50's order: the lead unit's explanation, the justice bureau's
 * legality explanation, each member's view by name (Art. 60), then the executive head's decision, with the reason
 * stated at the meeting when it differs from the majority. The minutes are generated from that record.
 */
@Service
public class MeetingRecords {

    static final String DECIDE_TASK = MeetingService.DECIDE_TASK;
    static final String SUBMIT_TASK = "meeting-submit";
    public static final List<String> HEAD_DECISIONS = List.of("APPROVED", "APPROVED_IN_PRINCIPLE", "REJECTED");
    /** An agenda item on a decision in execution (Art. 55, 57), not on a draft (gov_meeting_item.topic). */
    public static final String EXECUTION_TOPIC = "EXECUTION";
    /** The organ's execution steps that a meeting decides (研究决定继续执行、停止执行或者修改决策; 中止执行期间的决定; 研究评估报告并决定). */
    static final String[] EXECUTION_TASKS = {"execution-adjust", "execution-suspended", "evaluation-resolve"};

    public enum Kind {
        EXECUTIVE("常务会议"), PLENARY("全体会议");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who attends: members by name (会议组成人员), and people invited to sit in (列席, openness excerpt). */
    public enum Category {
        MEMBER("会议组成人员", false), STAKEHOLDER("利益相关方代表", true), PUBLIC("市民（公众）代表", true),
        ENTERPRISE("企业代表", true), EXPERT("专家", true), MEDIA("新闻媒体", true), UNIT("列席单位", false);

        private final String label;
        private final boolean invitedPublic;

        Category(String label, boolean invitedPublic) {
            this.label = label;
            this.invitedPublic = invitedPublic;
        }

        public String label() {
            return label;
        }

        /** Counts toward the openness excerpt's "at least 3 meetings a year with stakeholders, experts, media". */
        public boolean invitedPublic() {
            return invitedPublic;
        }
    }

    public enum View {
        AGREE("同意"), DISAGREE("不同意"), ABSTAIN("弃权");

        private final String label;

        View(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Meeting(long id, String organCode, Kind kind, String name, LocalDate date, String place, String createdBy) {
    }

    public record Attendee(long id, long meetingId, Category category, String personId, String name, String affiliation) {
    }

    public record Item(long id, long meetingId, long decisionId, int seq, String leadExplanation, String legalityExplanation,
                       String headDecision, String headRemarks, String overrideReason, String decidedBy, OffsetDateTime decidedAt,
                       String topic) {

        /** On the decision in execution (to stop, modify or resume it, Art. 55, 57), not on its draft. */
        public boolean execution() {
            return EXECUTION_TOPIC.equals(topic);
        }
    }

    public record MemberView(long id, long itemId, String personId, String personName, View view, String remarks) {
    }

    /** The members' views counted (Art. 50): the view more than half of them hold, or none. */
    public record Tally(int agree, int disagree, int abstain, View majority) {
        public int total() {
            return agree + disagree + abstain;
        }

        public String majorityLabel() {
            return majority == null ? "无过半数的意见" : majority.label();
        }

        /** Whether the head's decision goes against the majority (a reason must then be stated, Art. 50). */
        public boolean differs(String headDecision) {
            if (majority == null || headDecision == null) {
                return false;
            }
            return switch (majority) {
                case AGREE -> "REJECTED".equals(headDecision);
                case DISAGREE -> !"REJECTED".equals(headDecision);
                case ABSTAIN -> true;
            };
        }

        static Tally of(List<MemberView> views) {
            int a = 0, d = 0, x = 0;
            for (MemberView v : views) {
                switch (v.view()) {
                    case AGREE -> a++;
                    case DISAGREE -> d++;
                    case ABSTAIN -> x++;
                }
            }
            int half = (a + d + x) / 2;
            View m = a > half ? View.AGREE : d > half ? View.DISAGREE : x > half ? View.ABSTAIN : null;
            return new Tally(a, d, x, m);
        }
    }

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final TaskService taskService;
    private final MaterialService materials;
    private final ArrangementService arrangements;
    private final DraftingService drafting;
    private final LegalityService legality;
    private final LegalityRecords legalityRecords;
    private final Steps steps;
    private final DocumentService documents;
    private final ObjectProvider<StageGateRegistry> registry;
    private final int minReason;

    MeetingRecords(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Directory directory, AuditTrail audit,
                   AppClock clock, TaskService taskService, MaterialService materials, ArrangementService arrangements,
                   DraftingService drafting, LegalityService legality, LegalityRecords legalityRecords, Steps steps,
                   DocumentService documents, ObjectProvider<StageGateRegistry> registry,
                   @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.taskService = taskService;
        this.materials = materials;
        this.arrangements = arrangements;
        this.drafting = drafting;
        this.legality = legality;
        this.legalityRecords = legalityRecords;
        this.steps = steps;
        this.documents = documents;
        this.registry = registry;
        this.minReason = minReason;
    }

    // ---- meetings ------------------------------------------------------------------------------------------------

    @Transactional
    public Meeting schedule(String organCode, String kindCode, String name, LocalDate date, String place) {
        // Art. 64: the named organ, or the office's own organ (the person's unit's organ)
        String organ = organCode == null || organCode.isBlank() ? directory.organFor(directory.currentActor(), null)
                : organCode.strip().toUpperCase(java.util.Locale.ROOT);
        Actor actor = requireOffice(organ);
        Kind kind;
        try {
            kind = Kind.valueOf(kindCode == null ? "" : kindCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("MEETING_KIND_INVALID", "集体讨论只能在常务会议（EXECUTIVE）或者全体会议（PLENARY）上进行（第四十八条）。");
        }
        String n = text(name, 200, "会议名称");
        if (n == null) {
            throw RuleViolation.badRequest("MEETING_NAME_REQUIRED", "请填写会议名称和届次，例如“第15次常务会议”（第四十八条）。");
        }
        if (date == null) {
            throw RuleViolation.badRequest("MEETING_DATE_REQUIRED", "请填写会议日期。");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM juece.gov_meeting WHERE organ_code = ? AND name = ?").params(organ, n).query(Integer.class).single() > 0) {
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "MEETING_NAME_TAKEN", "“" + n + "”已安排，请核对届次。");
        }
        jdbc.sql("INSERT INTO juece.gov_meeting (organ_code, kind, name, meeting_date, place, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(organ, kind.name(), n, date, text(place, 200, "会议地点"), actor.id(), clock.now()).update();
        Meeting m = jdbc.sql("SELECT * FROM juece.gov_meeting WHERE organ_code = ? AND name = ?").params(organ, n).query(this::mapMeeting).single();
        audit.record(actor, null, null, AuditAction.MEETING_RECORDED, "安排" + n + "（" + kind.label() + "，" + DocumentService.cnDate(date) + "，第四十八条）");
        return m;
    }

    @Transactional
    public Attendee addAttendee(long meetingId, String categoryCode, String personId, String name, String affiliation) {
        Meeting m = meeting(meetingId);
        Actor actor = requireOffice(m.organCode());
        Category c;
        try {
            c = Category.valueOf(categoryCode == null ? "" : categoryCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("ATTENDEE_CATEGORY_INVALID", "请选择出席或列席人员的类别：MEMBER（会议组成人员）、STAKEHOLDER（利益相关方代表）、"
                    + "PUBLIC（市民代表）、ENTERPRISE（企业代表）、EXPERT（专家）、MEDIA（新闻媒体）、UNIT（列席单位）。");
        }
        String who;
        String pid = null;
        if (c == Category.MEMBER) {
            Person p = members(m.organCode()).stream().filter(x -> x.id().equals(personId == null ? "" : personId.strip())).findFirst()
                    .orElseThrow(() -> RuleViolation.badRequest("NOT_A_MEMBER", "“" + personId + "”不是" + directory.organ(m.organCode()).name()
                            + "的会议组成人员（第五十条）。"));
            pid = p.id();
            who = p.name();
            if (attendees(meetingId).stream().anyMatch(a -> p.id().equals(a.personId()))) {
                throw RuleViolation.badRequest("ATTENDEE_DUPLICATE", p.name() + "已在出席名单中。");
            }
        } else {
            who = text(name, 100, "姓名");
            if (who == null) {
                throw RuleViolation.badRequest("ATTENDEE_NAME_REQUIRED", "请填写列席人员的姓名或单位名称。");
            }
        }
        String aff = text(affiliation, 200, "单位或身份");
        jdbc.sql("INSERT INTO juece.gov_meeting_attendee (meeting_id, category, person_id, name, affiliation) VALUES (?, ?, ?, ?, ?)")
                .params(meetingId, c.name(), pid, who, aff).update();
        audit.record(actor, null, null, AuditAction.MEETING_RECORDED, m.name() + (c == Category.MEMBER ? "出席：" : "列席（" + c.label() + "）：")
                + who + (aff == null ? "" : "（" + aff + "）"));
        List<Attendee> all = attendees(meetingId);
        return all.get(all.size() - 1);
    }

    /** Art. 49: a decision goes on the agenda only when submitted with every material the article lists. */
    @Transactional
    public Item addToAgenda(long meetingId, String decisionNumber) {
        Meeting m = meeting(meetingId);
        Actor actor = requireOffice(m.organCode());
        Decision d = access.visible(decisionNumber);
        if (!d.organCode().equals(m.organCode())) {
            throw RuleViolation.badRequest("MEETING_OTHER_ORGAN", "《" + d.title() + "》是" + directory.organ(d.organCode()).name()
                    + "的决策事项，应由该机关的会议集体讨论决定，不能列入" + directory.organ(m.organCode()).name() + "的会议（第四十八条、第六十四条）。");
        }
        if (d.isOpen() && taskService.createTaskQuery().processInstanceBusinessKey(d.number()).taskDefinitionKeyIn(EXECUTION_TASKS).count() > 0
                && taskService.createTaskQuery().processInstanceBusinessKey(d.number()).taskDefinitionKey(DECIDE_TASK).count() == 0) {
            return addExecutionItem(m, actor, d);
        }
        if (!d.isOpen() || taskService.createTaskQuery().processInstanceBusinessKey(d.number()).taskDefinitionKey(DECIDE_TASK).count() == 0) {
            throw new RuleViolation("MEETING_NOT_SUBMITTED", "《" + d.title() + "》尚未由承办单位提请集体讨论（第四十九条），也没有决策执行中待决策机关研究决定的事项"
                    + "（第五十五条、第五十七条），不能列入会议议题。");
        }
        if (itemOpenFor(d.id()).isPresent()) {
            throw new RuleViolation("MEETING_ALREADY_ON_AGENDA", "《" + d.title() + "》已列入" + meeting(itemOpenFor(d.id()).get().meetingId()).name() + "的议题。");
        }
        GateContext ctx = new GateContext(d, SUBMIT_TASK, null, null, () -> materials.materials(d.id()), 0, t -> materials.providers(d, t));
        List<String> missing = art49Missing(ctx, false);
        if (!missing.isEmpty()) {
            throw new RuleViolation("MEETING_MATERIALS_INCOMPLETE", refusal("《" + d.title() + "》不能列入会议议题", missing));
        }
        int seq = items(meetingId).size() + 1;
        jdbc.sql("INSERT INTO juece.gov_meeting_item (meeting_id, decision_id, seq, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
                .params(meetingId, d.id(), seq, actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.MEETING_RECORDED, "列入" + m.name() + "第" + seq + "项议题（" + DocumentService.cnDate(m.date())
                + "，第四十八条、第四十九条）");
        return itemOpenFor(d.id()).orElseThrow();
    }

    /**
     * Art. 55, 57: a decision in execution whose organ has to decide on it (to stop, modify, or resume after a
     * suspension) goes on the agenda of a meeting of its organ; its record follows Art. 50 like any item.
     */
    private Item addExecutionItem(Meeting m, Actor actor, Decision d) {
        if (!m.organCode().equals(d.organCode())) {
            throw new RuleViolation("MEETING_OTHER_ORGAN", "《" + d.title() + "》由" + directory.organ(d.organCode()).name() + "决定，不能列入"
                    + m.name() + "的议题。");
        }
        if (items(m.id()).stream().anyMatch(i -> i.decisionId() == d.id())) {
            throw new RuleViolation("MEETING_ALREADY_ON_AGENDA", "《" + d.title() + "》已列入" + m.name() + "的议题。");
        }
        int seq = items(m.id()).size() + 1;
        jdbc.sql("INSERT INTO juece.gov_meeting_item (meeting_id, decision_id, seq, added_by, added_at, topic) VALUES (?, ?, ?, ?, ?, ?)")
                .params(m.id(), d.id(), seq, actor.id(), clock.now(), EXECUTION_TOPIC).update();
        audit.record(actor, d.id(), d.number(), AuditAction.MEETING_RECORDED, "列入" + m.name() + "第" + seq + "项议题（" + DocumentService.cnDate(m.date())
                + "）：研究决策执行中的问题，决定停止执行、修改决策或者恢复执行（第五十五条、第五十七条）");
        return executionItem(m.id(), d.id()).orElseThrow();
    }

    /**
     * Everything Art. 49 asks to be submitted with the draft, each with its article (one refusal names all): the
     * request, the draft and its explanation, the legality review passed (with the Art. 47 explanation where its
     * suggestions were not adopted), and where performed: public opinions' adoption, experts' opinions' adoption,
     * the risk report, the competition and trade reviews, the enterprise consultation (the other gates of the step).
     */
    List<String> art49Missing(GateContext ctx, boolean requestOfThisRound) {
        List<String> missing = art49Own(ctx, requestOfThisRound);
        for (StageGate g : registry.getObject().ofTask(SUBMIT_TASK)) {
            if (g.outcomes().isEmpty() && !g.code().equals("MEETING_MATERIALS_INCOMPLETE") && !g.code().startsWith("MATERIAL_MISSING_")
                    && !g.met().test(ctx)) {
                missing.add(g.refusal().apply(ctx));
            }
        }
        return missing;
    }

    /** The Art. 49 items this stage checks itself (other features' gates of the step refuse with their own codes). */
    List<String> art49Own(GateContext ctx, boolean requestOfThisRound) {
        Decision d = ctx.decision();
        List<String> missing = new ArrayList<>();
        List<StageGate> materialGates = new ArrayList<>(List.of(
                requestOfThisRound ? Gates.material(SUBMIT_TASK, MaterialType.MEETING_REQUEST) : Gates.onFile(SUBMIT_TASK, MaterialType.MEETING_REQUEST),
                Gates.onFile(SUBMIT_TASK, MaterialType.DRAFT), Gates.onFile(SUBMIT_TASK, MaterialType.DRAFTING_EXPLANATION),
                Gates.onFile(SUBMIT_TASK, MaterialType.LEGALITY_OPINION)));
        var arranged = arrangements.arrangements(d.id());
        if (arranged.containsKey(Procedure.PARTICIPATION) && arranged.get(Procedure.PARTICIPATION).required()) {
            materialGates.add(Gates.onFile(SUBMIT_TASK, MaterialType.PARTICIPATION_REPORT));
        }
        if (arranged.containsKey(Procedure.EXPERT) && arranged.get(Procedure.EXPERT).required()) {
            materialGates.add(Gates.onFile(SUBMIT_TASK, MaterialType.EXPERT_OPINION));
        }
        if (arranged.containsKey(Procedure.RISK) && arranged.get(Procedure.RISK).required()) {
            materialGates.add(Gates.onFile(SUBMIT_TASK, MaterialType.RISK_REPORT));
        }
        var record = drafting.record(d.id());
        if (Boolean.TRUE.equals(record.touchesMarket())) {
            materialGates.add(Gates.onFile(SUBMIT_TASK, MaterialType.FAIR_COMPETITION_REVIEW));
        }
        if (Boolean.TRUE.equals(record.touchesTrade())) {
            materialGates.add(Gates.onFile(SUBMIT_TASK, MaterialType.TRADE_POLICY_REVIEW));
        }
        for (StageGate g : materialGates) {
            if (!g.met().test(ctx)) {
                missing.add(g.refusal().apply(ctx).replace("请先在决策案卷中上传该材料，再办理本环节。", "").strip() + "（第四十九条）");
            }
        }
        var conclusion = legality.latestConclusion(d.id());
        if (conclusion.isEmpty() || !(conclusion.get().passed() || "PROVISIONS_ILLEGAL".equals(conclusion.get().conclusion()))) {
            missing.add("未经合法性审查或者经审查不合法的，不得提交决策机关讨论（第四十一条、第四十九条第七项）。");
        } else if ("PROVISIONS_ILLEGAL".equals(conclusion.get().conclusion())) {
            // the revision step that followed this conclusion (steps are numbered in the order they open)
            long reviewStep = steps.byTask(conclusion.get().step().taskId()).map(Step::id).orElse(Long.MAX_VALUE);
            boolean revised = steps.ofDecision(d.id()).stream().anyMatch(s -> s.taskKey().equals("legality-revise")
                    && s.state() == Step.State.COMPLETED && s.id() > reviewStep);
            if (!revised) {
                missing.add("合法性审查提出修改意见的，承办单位应当先修改并书面说明未采纳的意见（第四十七条）。");
            }
        }
        return missing;
    }

    static String refusal(String what, List<String> missing) {
        StringBuilder b = new StringBuilder(what + "：提请集体讨论应当报送第四十九条规定的材料，尚缺" + missing.size() + "项：");
        for (int i = 0; i < missing.size(); i++) {
            b.append(i + 1).append(". ").append(missing.get(i)).append(i + 1 < missing.size() ? " " : "");
        }
        return b.toString();
    }

    // ---- the record of one decision (Art. 50) ----------------------------------------------------------------

    @Transactional
    public Item recordExplanations(long itemId, String leadExplanation, String legalityExplanation) {
        Item item = item(itemId);
        Meeting m = meeting(item.meetingId());
        Actor actor = requireOffice(m.organCode());
        requireHeld(m);
        requireUndecided(item);
        String lead = text(leadExplanation, 2000, "承办单位的说明"), legal = text(legalityExplanation, 2000, "合法性审查情况的说明");
        jdbc.sql("UPDATE juece.gov_meeting_item SET lead_explanation = COALESCE(?, lead_explanation), legality_explanation = COALESCE(?, legality_explanation) WHERE id = ?")
                .params(lead, legal, itemId).update();
        Decision d = decisions.get(item.decisionId());
        audit.record(actor, d.id(), d.number(), AuditAction.MEETING_RECORDED, m.name() + "：" + (lead == null ? "" : "承办单位作决策草案说明：" + lead + "；")
                + (legal == null ? "" : directory.unitName(directory.organ(m.organCode()).justiceUnit()) + "作合法性审查情况说明：" + legal)
                + "（第五十条第一项）");
        return item(itemId);
    }

    @Transactional
    public MemberView recordView(long itemId, String personId, String viewCode, String remarks) {
        Item item = item(itemId);
        Meeting m = meeting(item.meetingId());
        Actor actor = requireOffice(m.organCode());
        requireHeld(m);
        requireUndecided(item);
        if (item.leadExplanation() == null || item.legalityExplanation() == null) {
            throw new RuleViolation("MEETING_ORDER", "集体讨论按第五十条的顺序进行：先记录决策承办单位的草案说明和合法性审查情况的说明，再记录会议组成人员的意见。");
        }
        Attendee member = attendees(m.id()).stream().filter(a -> a.category() == Category.MEMBER && a.personId() != null
                        && a.personId().equals(personId == null ? "" : personId.strip())).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest("NOT_ATTENDING_MEMBER", "“" + personId + "”不在本次会议的会议组成人员出席名单中（第五十条）。"));
        if (isHead(m.organCode(), member.personId())) {
            throw RuleViolation.badRequest("HEAD_IS_NOT_A_VOTE", member.name() + "是行政首长：在会议组成人员发表意见后作出决定（第五十条第三项），其决定另行记录。");
        }
        View view;
        try {
            view = View.valueOf(viewCode == null ? "" : viewCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("MEMBER_VIEW_REQUIRED", "请选择" + member.name() + "的意见：AGREE（同意）、DISAGREE（不同意）或 ABSTAIN（弃权）（第五十条）。");
        }
        String r = text(remarks, 1000, "发言要点");
        int n = jdbc.sql("UPDATE juece.gov_meeting_view SET member_view = ?, remarks = ?, recorded_by = ?, recorded_at = ? WHERE item_id = ? AND person_id = ?")
                .params(view.name(), r, actor.id(), clock.now(), itemId, member.personId()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO juece.gov_meeting_view (item_id, person_id, person_name, member_view, remarks, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(itemId, member.personId(), member.name(), view.name(), r, actor.id(), clock.now()).update();
        }
        Decision d = decisions.get(item.decisionId());
        audit.record(actor, d.id(), d.number(), AuditAction.MEETING_RECORDED, m.name() + "：会议组成人员" + member.name() + "发表意见：" + view.label()
                + (r == null ? "" : "，" + r) + "（第五十条第二项，第六十条）");
        return views(itemId).stream().filter(v -> v.personId().equals(member.personId())).findFirst().orElseThrow();
    }

    /**
     * Art. 50 (三): the executive head's decision after the members have spoken; when it differs from the majority,
     * the reason stated at the meeting (at least the configured length). Recorded by the office or the head.
     */
    @Transactional
    public Item recordHeadDecision(long itemId, String decision, String remarks, String overrideReason) {
        Item item = item(itemId);
        Meeting m = meeting(item.meetingId());
        Actor actor = directory.currentActor();
        String office = directory.organ(m.organCode()).officeUnit();
        if (!actor.isSystem() && !actor.inAnyGroup(List.of(Groups.unit(office), Groups.executiveHead(m.organCode())))) {
            throw RuleViolation.forbidden("NOT_GOV_OFFICE", "行政首长的决定由行政首长或" + directory.unitName(office)
                    + "（会议记录）记录；您（" + actor.name() + "）无权记录。");
        }
        requireHeld(m);
        requireUndecided(item);
        if (decision == null || !HEAD_DECISIONS.contains(decision.strip())) {
            throw RuleViolation.badRequest("HEAD_DECISION_REQUIRED", "请选择行政首长的决定：APPROVED（同意）、APPROVED_IN_PRINCIPLE（原则同意）或 REJECTED（不同意）（第五十条）。");
        }
        List<String> missing = viewsMissing(item);
        if (item.leadExplanation() == null || item.legalityExplanation() == null) {
            missing.add(0, "决策承办单位的草案说明和合法性审查情况的说明");
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("MEETING_RECORD_INCOMPLETE", "行政首长在集体讨论的基础上作出决定（第四十八条、第五十条）：尚未记录" + String.join("、", missing) + "。");
        }
        Tally tally = Tally.of(views(itemId));
        String head = decision.strip();
        String reason = text(overrideReason, 1000, "理由");
        if (tally.differs(head) && (reason == null || reason.length() < minReason)) {
            throw new RuleViolation("MEETING_OVERRIDE_REASON_REQUIRED", "会议组成人员的多数意见为“" + tally.majorityLabel() + "”（同意" + tally.agree()
                    + "人、不同意" + tally.disagree() + "人、弃权" + tally.abstain() + "人），行政首长拟作出的决定“" + label(head)
                    + "”与多数人的意见不一致，应当在会上说明理由（第五十条，不少于" + minReason + "字）。");
        }
        jdbc.sql("UPDATE juece.gov_meeting_item SET head_decision = ?, head_remarks = ?, override_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(head, text(remarks, 1000, "行政首长的意见"), tally.differs(head) ? reason : null, actor.id(), clock.now(), itemId).update();
        Decision d = decisions.get(item.decisionId());
        audit.record(actor, d.id(), d.number(), AuditAction.MEETING_RECORDED, m.name() + "：会议组成人员同意" + tally.agree() + "人、不同意" + tally.disagree()
                + "人、弃权" + tally.abstain() + "人；行政首长决定：" + label(head) + (tally.differs(head) ? "（与多数意见不一致，理由：" + reason + "）" : "")
                + "（第五十条）");
        return item(itemId);
    }

    /** The members attending whose view is not yet recorded (the head excepted). */
    List<String> viewsMissing(Item item) {
        Meeting m = meeting(item.meetingId());
        List<String> have = views(item.id()).stream().map(MemberView::personId).toList();
        List<String> missing = new ArrayList<>();
        // the head's people once, not each member's groups in turn (issue 17)
        java.util.Set<String> heads = directory.memberIds(Groups.executiveHead(m.organCode()));
        for (Attendee a : attendees(m.id())) {
            if (a.category() == Category.MEMBER && !heads.contains(a.personId()) && !have.contains(a.personId())) {
                missing.add(a.name() + "的意见");
            }
        }
        if (have.isEmpty() && missing.isEmpty()) {
            missing.add("会议组成人员的意见");
        }
        return missing;
    }

    /** The minutes (会议纪要) of the decision's discussion, generated from the record (Art. 50, 59). */
    @Transactional
    public DocumentService.Generated generateMinutes(long itemId) {
        Item item = item(itemId);
        Meeting m = meeting(item.meetingId());
        requireOffice(m.organCode());
        if (item.headDecision() == null) {
            throw new RuleViolation("MEETING_RECORD_INCOMPLETE", "会议纪要根据集体讨论的记录生成：请先记录行政首长的决定（第五十条）。");
        }
        Decision d = decisions.get(item.decisionId());
        return documents.generate(d, DocumentKind.MEETING_MINUTES, minutesValues(m, item, d));
    }

    /**
     * Where the minutes say the meeting was held: the place recorded when it was scheduled, or else the deciding organ's
     * own meeting room (a township's meeting is not held at the county government, Art. 64).
     */
    static String placeOf(Meeting m, Organ organ) {
        return m.place() == null || m.place().isBlank() ? organ.name() + "会议室" : m.place();
    }

    Map<String, Object> minutesValues(Meeting m, Item item, Decision d) {
        Organ organ = directory.organ(m.organCode());
        List<Attendee> people = attendees(m.id());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("organName", organ.name());
        v.put("officeUnit", DocumentService.officialName(organ, directory.unitName(organ.officeUnit())));
        v.put("justiceUnit", DocumentService.officialName(organ, directory.unitName(organ.justiceUnit())));
        v.put("meetingName", m.name());
        v.put("meetingDate", DocumentService.cnDate(m.date()));
        v.put("place", placeOf(m, organ));
        java.util.Set<String> heads = directory.memberIds(Groups.executiveHead(m.organCode()));
        String head = people.stream().filter(a -> a.category() == Category.MEMBER && heads.contains(a.personId()))
                .map(Attendee::name).findFirst().orElse("");
        v.put("presider", head);
        v.put("members", String.join("、", people.stream().filter(a -> a.category() == Category.MEMBER).map(Attendee::name).toList()));
        v.put("invited", String.join("、", people.stream().filter(a -> a.category() != Category.MEMBER)
                .map(a -> a.name() + "（" + (a.affiliation() == null ? a.category().label() : a.affiliation()) + "）").toList()));
        v.put("decisionTitle", d.title());
        v.put("decisionNumber", d.number());
        v.put("leadUnit", DocumentService.officialName(organ, directory.unitName(d.leadUnit())));
        v.put("leadExplanation", item.leadExplanation());
        String explanation = item.legalityExplanation();
        List<String> notAdopted = legalityRecords.latestSuggestions(d.id()).stream().filter(LegalityRecords.Suggestion::notFullyAdopted)
                .map(s -> "审查意见“" + s.suggestion() + "”" + s.adoptionLabel() + "，承办单位书面说明：" + s.explanation()).toList();
        if (!notAdopted.isEmpty()) {
            explanation = explanation + "\n" + String.join("\n", notAdopted) + "（第四十七条）";
        }
        v.put("legalityExplanation", explanation);
        List<Map<String, Object>> vs = new ArrayList<>();
        List<MemberView> views = views(item.id());
        for (MemberView mv : views) {
            vs.add(Map.of("name", mv.personName(), "view", mv.view().label(), "remarks", mv.remarks() == null ? "" : mv.remarks()));
        }
        v.put("views", vs);
        Tally t = Tally.of(views);
        v.put("memberCount", t.total());
        v.put("agree", t.agree());
        v.put("disagree", t.disagree());
        v.put("abstain", t.abstain());
        v.put("majority", t.majorityLabel());
        v.put("headName", head);
        v.put("headDecision", label(item.headDecision()));
        v.put("headRemarks", item.headRemarks() == null ? "" : item.headRemarks());
        v.put("overrideReason", item.overrideReason());
        v.put("date", DocumentService.cnDate(m.date()));
        return v;
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    /** One page of these organs' meetings, the latest day first (issue 17; V263's index). */
    public cn.juece.support.Page<Meeting> page(java.util.Collection<String> organs, int page, int size) {
        if (organs.isEmpty()) {
            return new cn.juece.support.Page<>(List.of(), 0, page, size);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM juece.gov_meeting WHERE organ_code IN (:organs)").param("organs", organs)
                .query(Long.class).single();
        List<Meeting> items = (long) page * size >= total ? List.of()
                : jdbc.sql("SELECT * FROM juece.gov_meeting WHERE organ_code IN (:organs) ORDER BY meeting_date DESC, id DESC"
                                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                        .param("organs", organs).param("offset", (long) page * size).param("size", size).query(this::mapMeeting).list();
        return new cn.juece.support.Page<>(items, total, page, size);
    }

    public Meeting meeting(long id) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting WHERE id = ?").param(id).query(this::mapMeeting).optional()
                .orElseThrow(() -> RuleViolation.notFound("MEETING_NOT_FOUND", "会议不存在：" + id));
    }

    /**
     * Meetings of these organs with stakeholders, the public, experts or media invited to sit in, per year of the
     * meeting day (the openness excerpt): one aggregate over the organs' meetings, not a read of each meeting's list.
     */
    public Map<Integer, Long> withInvitedByYear(java.util.Collection<String> organs) {
        Map<Integer, Long> byYear = new java.util.TreeMap<>();
        if (organs.isEmpty()) {
            return byYear;
        }
        jdbc.sql("""
                SELECT EXTRACT(YEAR FROM m.meeting_date) AS y, COUNT(*) AS n FROM juece.gov_meeting m
                WHERE m.organ_code IN (:organs) AND EXISTS (SELECT 1 FROM juece.gov_meeting_attendee a
                                                           WHERE a.meeting_id = m.id AND a.category IN (:invited))
                GROUP BY EXTRACT(YEAR FROM m.meeting_date)""")
                .param("organs", organs).param("invited", INVITED)
                .query((rs, i) -> byYear.put(rs.getInt("y"), rs.getLong("n"))).list();
        return byYear;
    }

    /** The categories that count as invited to sit in (Category#invitedPublic), as stored. */
    private static final List<String> INVITED = java.util.Arrays.stream(Category.values()).filter(Category::invitedPublic)
            .map(Enum::name).toList();

    /** Per meeting: how many items its agenda has and whether anyone of an invited category sits in; one query. */
    public record Summary(int items, boolean invitedPublic) {
    }

    public Map<Long, Summary> summaries(java.util.Collection<Long> meetingIds) {
        Map<Long, Summary> result = new java.util.HashMap<>();
        if (meetingIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT m.id,
                       (SELECT COUNT(*) FROM juece.gov_meeting_item i WHERE i.meeting_id = m.id) AS items,
                       CASE WHEN EXISTS (SELECT 1 FROM juece.gov_meeting_attendee a WHERE a.meeting_id = m.id AND a.category IN (:invited))
                            THEN 1 ELSE 0 END AS invited
                FROM juece.gov_meeting m WHERE m.id IN (:ids)""")
                .param("invited", INVITED).param("ids", meetingIds)
                .query((rs, i) -> result.put(rs.getLong("id"), new Summary(rs.getInt("items"), rs.getInt("invited") == 1))).list();
        return result;
    }

    public List<Attendee> attendees(long meetingId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_attendee WHERE meeting_id = ? ORDER BY id").param(meetingId)
                .query((rs, i) -> new Attendee(rs.getLong("id"), rs.getLong("meeting_id"), Category.valueOf(rs.getString("category")),
                        rs.getString("person_id"), rs.getString("name"), rs.getString("affiliation"))).list();
    }

    public List<Item> items(long meetingId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_item WHERE meeting_id = ? ORDER BY seq").param(meetingId).query(this::mapItem).list();
    }

    public Item item(long itemId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_item WHERE id = ?").param(itemId).query(this::mapItem).optional()
                .orElseThrow(() -> RuleViolation.notFound("MEETING_ITEM_NOT_FOUND", "会议议题不存在：" + itemId));
    }

    /** The decision's agenda item not yet closed by its meeting-decide step (the latest one). */
    public Optional<Item> itemOpenFor(long decisionId) {
        List<Long> closed = jdbc.sql("SELECT meeting_item_id FROM juece.meeting_decision WHERE decision_id = ? AND meeting_item_id IS NOT NULL")
                .param(decisionId).query(Long.class).list();
        return jdbc.sql("SELECT * FROM juece.gov_meeting_item WHERE decision_id = ? AND topic IS NULL ORDER BY id DESC").param(decisionId).query(this::mapItem).list()
                .stream().filter(i -> !closed.contains(i.id())).findFirst();
    }

    /** The meeting, if it exists. */
    public Optional<Meeting> find(long id) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting WHERE id = ?").param(id).query(this::mapMeeting).optional();
    }

    /** The meeting's agenda item on the decision in execution (Art. 55, 57), if it has one. */
    public Optional<Item> executionItem(long meetingId, long decisionId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_item WHERE meeting_id = ? AND decision_id = ? AND topic = ?")
                .params(meetingId, decisionId, EXECUTION_TOPIC).query(this::mapItem).optional();
    }

    /** The organ's meetings held by today, newest first. */
    public List<Meeting> held(String organCode) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting WHERE organ_code = ? AND meeting_date <= ? ORDER BY meeting_date DESC, id DESC")
                .params(organCode, clock.today()).query(this::mapMeeting).list();
    }

    public List<Item> itemsOf(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_item WHERE decision_id = ? ORDER BY id").param(decisionId).query(this::mapItem).list();
    }

    public List<MemberView> views(long itemId) {
        return jdbc.sql("SELECT * FROM juece.gov_meeting_view WHERE item_id = ? ORDER BY id").param(itemId)
                .query((rs, i) -> new MemberView(rs.getLong("id"), rs.getLong("item_id"), rs.getString("person_id"), rs.getString("person_name"),
                        View.valueOf(rs.getString("member_view")), rs.getString("remarks"))).list();
    }

    public Tally tally(long itemId) {
        return Tally.of(views(itemId));
    }

    /** The organ's members who may attend by name: the executive head and the government's members. */
    public List<Person> members(String organCode) {
        List<String> groups = List.of(Groups.members(organCode), Groups.executiveHead(organCode));
        return directory.peopleIn(groups);
    }

    /** Openness excerpt: meetings of a year to which stakeholders, the public, experts or media were invited. */
    /** These organs' meetings of the year with stakeholders, the public, experts or media invited to sit in; one query. */
    public List<Meeting> withInvitedPublic(java.util.Collection<String> organs, int year) {
        if (organs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM juece.gov_meeting m WHERE m.organ_code IN (:organs) AND m.meeting_date BETWEEN :from AND :to
                  AND EXISTS (SELECT 1 FROM juece.gov_meeting_attendee a WHERE a.meeting_id = m.id AND a.category IN (:invited))
                ORDER BY m.meeting_date, m.id""")
                .param("organs", organs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .param("invited", INVITED).query(this::mapMeeting).list();
    }

    public boolean mayRecord(Actor actor, String organCode) {
        return actor.groups().contains(Groups.unit(directory.organ(organCode).officeUnit()));
    }

    public static String label(String headDecision) {
        return headDecision == null ? "" : switch (headDecision) {
            case "APPROVED" -> "同意";
            case "APPROVED_IN_PRINCIPLE" -> "原则同意";
            default -> "不同意";
        };
    }

    private boolean isHead(String organCode, String personId) {
        return personId != null && directory.groupsOf(personId).contains(Groups.executiveHead(organCode));
    }

    private Actor requireOffice(String organCode) {
        Actor actor = directory.currentActor();
        String office = Groups.unit(directory.organ(organCode).officeUnit());
        if (!actor.isSystem() && !actor.groups().contains(office)) {
            throw RuleViolation.forbidden("NOT_GOV_OFFICE", "常务会议、全体会议的安排和记录由" + directory.groupName(office) + "办理（第四十八条、第五十条）；您（"
                    + actor.name() + "）无权办理。");
        }
        return actor;
    }

    private void requireHeld(Meeting m) {
        if (m.date().isAfter(clock.today())) {
            throw new RuleViolation("MEETING_NOT_YET_HELD", m.name() + "定于" + DocumentService.cnDate(m.date()) + "召开，会议召开后再记录讨论情况（第五十条）。");
        }
    }

    private void requireUndecided(Item item) {
        if (item.headDecision() != null) {
            throw new RuleViolation("MEETING_ITEM_DECIDED", "该议题已由行政首长作出决定，会议记录不再修改（第五十条：如实记录）。");
        }
    }

    private Meeting mapMeeting(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Meeting(rs.getLong("id"), rs.getString("organ_code"), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getObject("meeting_date", LocalDate.class), rs.getString("place"), rs.getString("created_by"));
    }

    private Item mapItem(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject("decided_at", OffsetDateTime.class);
        return new Item(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("decision_id"), rs.getInt("seq"), rs.getString("lead_explanation"),
                rs.getString("legality_explanation"), rs.getString("head_decision"), rs.getString("head_remarks"), rs.getString("override_reason"),
                rs.getString("decided_by"), at == null ? null : at.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime(), rs.getString("topic"));
    }

    private static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字；详细内容请作为材料上传。");
        }
        return s.strip();
    }
}

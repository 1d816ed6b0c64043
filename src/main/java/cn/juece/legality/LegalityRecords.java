package cn.juece.legality;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.deadline.PauseKind;
import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentNumbers;
import cn.juece.document.DocumentService;
import cn.juece.drafting.Arrangement;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;
import cn.juece.workflow.Steps;

/**
 * What the lead unit and the justice bureau record in stage 7 (Art. 41-47), besides the steps themselves: the
 * office meeting's approval, the countersignatures, the attestation of the submitted materials, requests for
 * supplements and their pause of the review, the review's record (legal advisers' and public lawyers' opinions,
 * the Art. 43 checklist, problems and suggestions, the conclusion), the opinion letter generated from it and signed
 * off by the bureau's head, and the lead unit's adoption of each suggestion (Art. 47). A consultation of the justice
 * bureau is never the review (Art. 41): the review's result is only the conclusion the legality-review step closes
 * with, kept in {@code legality_conclusion}.
 */
@Service
public class LegalityRecords implements cn.juece.dossier.FactSource {

    static final String SUBMIT_TASK = "legality-submit";
    static final String COUNTERSIGN_TASK = "legality-countersign";
    static final String SUPPLEMENT_TASK = "legality-supplement";
    static final String REVISE_TASK = "legality-revise";
    static final String SUPPLEMENT_MESSAGE = "legality-supplement-requested";
    static final int MAX_TEXT = 2000;
    /** Where a procedure counts as performed: its step closed (risk: the organ found the risk controllable). */
    static final Map<Procedure, String> DONE_BY = Map.of(Procedure.PARTICIPATION, "participation-conduct",
            Procedure.EXPERT, "expert-conduct", Procedure.RISK, "risk-finding");
    static final Map<Procedure, String> STAGE_ARTICLES = Map.of(Procedure.PARTICIPATION, "第十七条至第二十九条",
            Procedure.EXPERT, "第三十条至第三十五条", Procedure.RISK, "第三十六条至第四十条");

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final MaterialService materials;
    private final ArrangementService arrangements;
    private final Steps steps;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final StepPeriods stepPeriods;
    private final LegalityService legality;
    private final DocumentService documents;
    private final StepFactTable<Countersign> countersigns;
    private final int minReason;

    LegalityRecords(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Directory directory, AuditTrail audit,
                    AppClock clock, MaterialService materials, ArrangementService arrangements, Steps steps,
                    TaskService taskService, RuntimeService runtimeService, StepPeriods stepPeriods, LegalityService legality,
                    DocumentService documents, @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.materials = materials;
        this.arrangements = arrangements;
        this.steps = steps;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.stepPeriods = stepPeriods;
        this.legality = legality;
        this.documents = documents;
        this.minReason = minReason;
        this.countersigns = new StepFactTable<>(jdbc, "countersign_opinion", (rs, id, decisionId, step) ->
                new Countersign(id, decisionId, step, rs.getString("unit_code"), rs.getObject("draft_version_id", Long.class)),
                "unit_code", "draft_version_id");
    }

    // ---- records --------------------------------------------------------------------------------------------

    /** Art. 41, 42: a co-unit's countersignature on the draft version in force. */
    public record Countersign(long id, long decisionId, StepFact step, String unitCode, Long draftVersionId) {
        public boolean agrees() {
            return "AGREE".equals(step.outcome());
        }
    }

    public record OfficeMeeting(long id, LocalDate meetingDate, String meetingName, String note, String recordedBy,
                                OffsetDateTime recordedAt) {
    }

    public record Attestation(long id, long watermark, String statement, String attestedBy, String attestedName,
                              OffsetDateTime attestedAt) {
    }

    public record Supplement(long id, String items, LocalDate requestedOn, String requestedBy, LocalDate suppliedOn,
                             String suppliedBy, String suppliedNote, Long pauseId) {
        public boolean open() {
            return suppliedOn == null;
        }
    }

    public record ReviewRecord(int round, String adviserName, String adviserOpinion, String lawyerName, String lawyerOpinion,
                               String methods, String overview, String conclusion, String letterNumber) {
        static ReviewRecord empty(int round) {
            return new ReviewRecord(round, null, null, null, null, null, null, null, null);
        }
    }

    public record PointFinding(ReviewPoint point, ReviewPoint.Finding finding, String note, String recordedBy) {
    }

    public record Suggestion(long id, int round, String problem, String risk, String suggestion, String adoption,
                             String explanation, String decidedBy, OffsetDateTime decidedAt) {
        public boolean decided() {
            return adoption != null;
        }

        public boolean notFullyAdopted() {
            return "NOT_ADOPTED".equals(adoption) || "PARTLY_ADOPTED".equals(adoption);
        }

        public String adoptionLabel() {
            return adoption == null ? "未答复" : switch (adoption) {
                case "ADOPTED" -> "采纳";
                case "PARTLY_ADOPTED" -> "部分采纳";
                default -> "未采纳";
            };
        }
    }

    public record SignOff(long id, int round, long versionId, String signedBy, String signedName, OffsetDateTime signedAt) {
    }

    // ---- the lead unit: before submitting (Art. 41, 42) ------------------------------------------------------

    @Transactional
    public OfficeMeeting recordOfficeMeeting(String number, LocalDate date, String name, String note) {
        Decision d = inLegality(number);
        Actor actor = access.require(d, "记录本单位办公会议讨论通过情况", "第四十一条", Responsible.LEAD_UNIT);
        if (date == null) {
            throw RuleViolation.badRequest("OFFICE_MEETING_DATE_REQUIRED", "请填写本单位办公会议的日期（第四十一条）。");
        }
        if (date.isAfter(clock.today())) {
            throw RuleViolation.badRequest("OFFICE_MEETING_DATE_FUTURE", "办公会议日期不能晚于今天：请在会议讨论通过后记录（第四十一条）。");
        }
        String n = text(name, 200, "会议名称");
        if (n == null) {
            throw RuleViolation.badRequest("OFFICE_MEETING_NAME_REQUIRED", "请填写会议名称和届次，例如“" + directory.unitName(d.leadUnit())
                    + clock.today().getYear() + "年第5次办公会议”（第四十一条）。");
        }
        jdbc.sql("INSERT INTO juece.office_meeting_approval (decision_id, meeting_date, meeting_name, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), date, n, text(note, 500, "说明"), actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED,
                "决策草案经本单位办公会议讨论通过：" + n + "（" + DocumentService.cnDate(date) + "，第四十一条）");
        return officeMeeting(d.id()).orElseThrow();
    }

    /** Art. 42: the lead unit answers for the materials being true and complete: a named person, now. */
    @Transactional
    public Attestation attest(String number, String statement) {
        Decision d = inLegality(number);
        Actor actor = access.require(d, "对报送材料的真实性、完整性负责", "第四十二条", Responsible.LEAD_UNIT);
        String s = text(statement, 500, "确认内容");
        String text = s == null ? "本单位对报送合法性审查的材料的真实性、完整性负责。" : s;
        long watermark = materials.newestVersionId(d.id());
        jdbc.sql("INSERT INTO juece.legality_attestation (decision_id, watermark, statement, attested_by, attested_name, attested_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), watermark, text, actor.id(), actor.name(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED,
                actor.name() + "（" + actor.unitName() + "）确认：" + text + "（第四十二条）");
        return attestation(d.id()).orElseThrow();
    }

    /**
     * Everything the submission still lacks (Art. 41, 42), each with its article: one refusal names all of them.
     * Reads the same material gates the checklist shows.
     */
    public List<String> missingForSubmission(GateContext ctx) {
        Decision d = ctx.decision();
        List<String> missing = new ArrayList<>();
        for (StageGate g : materialGates()) {
            if (!g.met().test(ctx)) {
                missing.add(g.refusal().apply(ctx));
            }
        }
        if (!LegalityGates.initialReviewCoversDraft(ctx)) {
            missing.add("合法性初审意见书应当针对报送的决策草案版本：草案在初审之后又有修改，请法制工作机构对最新版本重新出具初审意见（第十四条、第四十二条）。");
        }
        Map<Procedure, Arrangement> arranged = arrangements.arrangements(d.id());
        for (Procedure p : Procedure.values()) {
            Arrangement a = arranged.get(p);
            if (a == null) {
                missing.add("未确定是否开展" + p.label() + "（" + p.article() + "）。");
            } else if (a.required() && !done(d.id(), p)) {
                missing.add(p.label() + "尚未完成（" + STAGE_ARTICLES.get(p) + "、第四十一条）。");
            } else if (!a.required() && a.ground() == null) {
                missing.add("不开展" + p.label() + "的，应当在起草说明中说明理由并记录依据（第四十二条、" + p.article() + "）。");
            }
        }
        Long draft = ctx.latest(MaterialType.DRAFT).map(MaterialVersion::id).orElse(null);
        for (String unit : d.coUnits()) {
            Optional<Countersign> c = countersignOf(d.id(), unit);
            if (c.isEmpty()) {
                missing.add("缺少" + directory.unitName(unit) + "的部门会签意见（第四十一条、第四十二条）。");
            } else if (draft != null && !draft.equals(c.get().draftVersionId())) {
                missing.add(directory.unitName(unit) + "的会签意见针对的不是报送的决策草案版本，请重新会签（第四十一条、第四十二条）。");
            }
        }
        if (officeMeeting(d.id()).isEmpty()) {
            missing.add("缺少决策草案经本单位办公会议讨论通过的记录（会议日期、会议名称）（第四十一条）。");
        }
        Optional<Attestation> att = attestation(d.id());
        if (att.isEmpty()) {
            missing.add("缺少承办单位对报送材料真实性、完整性负责的确认（署名）（第四十二条）。");
        } else if (att.get().watermark() < materials.newestVersionId(d.id())) {
            missing.add("确认材料真实、完整之后案卷材料又有变化，请重新确认（第四十二条）。");
        }
        return missing;
    }

    /** The Art. 42 material requirements of the submission, as the checklist shows them one by one. */
    static List<StageGate> materialGates() {
        return List.of(
                Gates.material(SUBMIT_TASK, MaterialType.LEGALITY_REQUEST),
                Gates.onFile(SUBMIT_TASK, MaterialType.DRAFT),
                Gates.onFile(SUBMIT_TASK, MaterialType.DRAFTING_EXPLANATION),
                Gates.onFile(SUBMIT_TASK, MaterialType.LEGAL_BASIS),
                Gates.onFile(SUBMIT_TASK, MaterialType.INITIAL_REVIEW_OPINION));
    }

    /** Whether the procedure's step has closed (the risk one: the organ found the risk controllable). */
    boolean done(long decisionId, Procedure p) {
        String key = DONE_BY.get(p);
        List<Step> closed = steps.ofDecision(decisionId).stream()
                .filter(s -> s.taskKey().equals(key) && s.state() == Step.State.COMPLETED).toList();
        if (closed.isEmpty()) {
            return false;
        }
        return p != Procedure.RISK || "CONTROLLABLE".equals(closed.get(closed.size() - 1).outcome());
    }

    /** Art. 42: the record of every procedure performed, as the submission carries it (a generated summary). */
    public List<String> procedureRecord(Decision d) {
        List<String> lines = new ArrayList<>();
        Map<Procedure, Arrangement> arranged = arrangements.arrangements(d.id());
        for (Procedure p : Procedure.values()) {
            Arrangement a = arranged.get(p);
            if (a == null) {
                continue;
            }
            if (a.required()) {
                lines.add(p.label() + "：" + (done(d.id(), p) ? "已完成" : "尚未完成") + "（" + STAGE_ARTICLES.get(p) + "）");
            } else {
                lines.add(p.label() + "：不开展，依据“" + a.groundLabel() + "”，理由：" + a.reason() + "（" + p.article() + "）");
            }
        }
        for (Step s : steps.ofDecision(d.id())) {
            if (s.state() == Step.State.COMPLETED && s.taskKey().startsWith("drafting-")) {
                lines.add(s.taskName() + "：" + directory.displayName(s.completedBy()) + "于"
                        + DocumentService.cnDate(s.completedAt().toLocalDate()) + "办结");
            }
        }
        for (Countersign c : countersigns.of(d.id())) {
            lines.add("部门会签：" + directory.unitName(c.unitCode()) + "，" + c.step().outcomeLabel()
                    + (c.step().reason() == null ? "" : "：" + c.step().reason()));
        }
        officeMeeting(d.id()).ifPresent(m -> lines.add("本单位办公会议：" + m.meetingName() + "（" + DocumentService.cnDate(m.meetingDate()) + "）讨论通过"));
        return lines;
    }

    // ---- countersignatures (Art. 41, 42) ---------------------------------------------------------------------

    void recordCountersign(StepCompletion step) {
        String unit = steps.byTask(step.taskId()).map(Step::subjectUnit).orElse(null);
        countersigns.insert(step, unit, materials.latest(step.decision().id(), MaterialType.DRAFT).map(MaterialVersion::id).orElse(null));
    }

    public List<Countersign> countersigns(long decisionId) {
        return countersigns.of(decisionId);
    }

    Optional<Countersign> countersignOf(long decisionId, String unit) {
        List<Countersign> all = countersigns.of(decisionId).stream().filter(c -> unit.equals(c.unitCode())).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // ---- supplements (Art. 42) -------------------------------------------------------------------------------

    /**
     * The justice bureau asks for supplementary materials during the review: the lead unit gets a step with
     * LEGALITY_SUPPLEMENT (3 working days), reminded and escalated by its timers; the review's time stops.
     */
    @Transactional
    public Supplement requestSupplement(String number, String items) {
        Decision d = inLegality(number);
        Actor actor = access.require(d, "要求补送合法性审查材料", "第四十二条", Responsible.JUSTICE_BUREAU);
        Task review = openTask(d, LegalityService.REVIEW_TASK).orElseThrow(() -> new RuleViolation("REVIEW_NOT_RUNNING",
                "只能在合法性审查进行中要求补送材料（第四十二条）。"));
        if (openSupplement(d.id()).isPresent()) {
            throw new RuleViolation("SUPPLEMENT_ALREADY_REQUESTED", "已要求补送材料，尚未补送；请等待承办单位补送后再提出新的要求（第四十二条）。");
        }
        String what = text(items, 1000, "需要补送的材料");
        if (what == null) {
            throw RuleViolation.badRequest("SUPPLEMENT_ITEMS_REQUIRED", "请写明需要补送的材料及要求（第四十二条）。");
        }
        jdbc.sql("INSERT INTO juece.legality_supplement (decision_id, items, requested_on, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)")
                .params(d.id(), what, clock.today(), actor.id(), clock.now()).update();
        runtimeService.createMessageCorrelation(SUPPLEMENT_MESSAGE).processInstanceId(review.getProcessInstanceId()).correlate();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "要求承办单位补送材料：" + what
                + "（第四十二条：3个工作日内补送，补送时间不计算在审查期限内）");
        return openSupplement(d.id()).orElseThrow();
    }

    /** The lead unit's supplement step closes: the review's period pauses from the request to today. */
    void supplied(StepCompletion step) {
        Decision d = step.decision();
        Supplement s = openSupplement(d.id()).orElseThrow(() -> new RuleViolation("SUPPLEMENT_NOT_REQUESTED",
                "没有待补送的材料要求（第四十二条）。"));
        LocalDate today = clock.today();
        Long pauseId = null;
        Optional<Task> review = openTask(d, LegalityService.REVIEW_TASK);
        if (review.isPresent() && stepPeriods.ofTask(review.get().getId()).isPresent()) {
            pauseId = stepPeriods.pauseOnBehalf(review.get().getId(), PauseKind.SUPPLEMENT, s.requestedOn(), today,
                    "补送材料：" + s.items()).id();
        }
        jdbc.sql("UPDATE juece.legality_supplement SET supplied_on = ?, supplied_by = ?, supplied_note = ?, pause_id = ? WHERE id = ?")
                .params(today, step.actor().id(), step.reason(), pauseId, s.id()).update();
    }

    public List<Supplement> supplements(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.legality_supplement WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Supplement(rs.getLong("id"), rs.getString("items"), rs.getObject("requested_on", LocalDate.class),
                        rs.getString("requested_by"), rs.getObject("supplied_on", LocalDate.class), rs.getString("supplied_by"),
                        rs.getString("supplied_note"), rs.getObject("pause_id", Long.class))).list();
    }

    Optional<Supplement> openSupplement(long decisionId) {
        return supplements(decisionId).stream().filter(Supplement::open).findFirst();
    }

    // ---- the review (Art. 43-46) -----------------------------------------------------------------------------

    /** The round of the review under way: the conclusions already given plus one. */
    public int reviewRound(long decisionId) {
        return legality.conclusions(decisionId).size() + 1;
    }

    public record ReviewInput(String adviserName, String adviserOpinion, String lawyerName, String lawyerOpinion,
                              String methods, String overview, String conclusion, String letterNumber) {
    }

    /** Art. 44, 45: the legal opinions heard, how the review was done, the overview and the conclusion reached. */
    @Transactional
    public ReviewRecord recordReview(String number, ReviewInput in) {
        Decision d = reviewing(number);
        Actor actor = access.require(d, "合法性审查", "第四十一条", Responsible.JUSTICE_BUREAU);
        int round = reviewRound(d.id());
        ReviewRecord old = review(d.id(), round);
        String conclusion = in.conclusion() == null || in.conclusion().isBlank() ? old.conclusion() : in.conclusion().strip();
        if (conclusion != null && !LegalityService.CONCLUSIONS.containsKey(conclusion)) {
            throw RuleViolation.badRequest("REVIEW_CONCLUSION_INVALID", "审查结论“" + conclusion + "”不存在，可选："
                    + String.join("、", LegalityService.CONCLUSIONS.values()) + "（第四十五条）。");
        }
        String letter = pick(in.letterNumber(), old.letterNumber(), 100, "意见书文号");
        if (letter != null && !DocumentNumbers.valid(letter)) {
            throw RuleViolation.badRequest("DOC_NUMBER_INVALID", DocumentNumbers.refusal(letter));
        }
        ReviewRecord r = new ReviewRecord(round, pick(in.adviserName(), old.adviserName(), 100, "法律顾问姓名"),
                pick(in.adviserOpinion(), old.adviserOpinion(), MAX_TEXT, "法律顾问意见"),
                pick(in.lawyerName(), old.lawyerName(), 100, "公职律师姓名"),
                pick(in.lawyerOpinion(), old.lawyerOpinion(), MAX_TEXT, "公职律师意见"),
                pick(in.methods(), old.methods(), 200, "审查方式"), pick(in.overview(), old.overview(), MAX_TEXT, "审查的基本情况"),
                conclusion, letter);
        int n = jdbc.sql("""
                UPDATE juece.legality_review_record SET adviser_name = ?, adviser_opinion = ?, lawyer_name = ?, lawyer_opinion = ?,
                  methods = ?, overview = ?, conclusion = ?, letter_number = ?, updated_by = ?, updated_at = ? WHERE decision_id = ? AND round = ?""")
                .params(r.adviserName(), r.adviserOpinion(), r.lawyerName(), r.lawyerOpinion(), r.methods(), r.overview(),
                        r.conclusion(), r.letterNumber(), actor.id(), clock.now(), d.id(), round).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO juece.legality_review_record (decision_id, round, adviser_name, adviser_opinion, lawyer_name, lawyer_opinion,
                      methods, overview, conclusion, letter_number, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), round, r.adviserName(), r.adviserOpinion(), r.lawyerName(), r.lawyerOpinion(), r.methods(),
                            r.overview(), r.conclusion(), r.letterNumber(), actor.id(), clock.now()).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "记录合法性审查情况（第" + round + "轮）"
                + (r.adviserOpinion() == null ? "" : "；法律顾问" + nz(r.adviserName()) + "意见：" + r.adviserOpinion())
                + (r.lawyerOpinion() == null ? "" : "；公职律师" + nz(r.lawyerName()) + "意见：" + r.lawyerOpinion())
                + (r.conclusion() == null ? "" : "；拟作结论：" + LegalityService.CONCLUSIONS.get(r.conclusion()))
                + "（第四十四条、第四十五条）");
        return review(d.id(), round);
    }

    /** Art. 43: one point of the checklist with its finding and note. */
    @Transactional
    public List<PointFinding> recordPoint(String number, String pointCode, String findingCode, String note) {
        Decision d = reviewing(number);
        Actor actor = access.require(d, "合法性审查", "第四十三条", Responsible.JUSTICE_BUREAU);
        ReviewPoint point = ReviewPoint.parse(pointCode);
        ReviewPoint.Finding finding = ReviewPoint.finding(findingCode);
        String n = text(note, 1000, "审查意见");
        if (finding == ReviewPoint.Finding.PROBLEM && n == null) {
            throw RuleViolation.badRequest("REVIEW_NOTE_REQUIRED", "“" + point.label() + "”存在问题的，请写明问题（" + point.article() + "）。");
        }
        int round = reviewRound(d.id());
        int updated = jdbc.sql("UPDATE juece.legality_review_point SET finding = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE decision_id = ? AND round = ? AND point = ?")
                .params(finding.name(), n, actor.id(), clock.now(), d.id(), round, point.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO juece.legality_review_point (decision_id, round, point, finding, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id(), round, point.name(), finding.name(), n, actor.id(), clock.now()).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "审查“" + point.label() + "”：" + finding.label()
                + (n == null ? "" : "，" + n) + "（" + point.article() + "）");
        return points(d.id(), round);
    }

    /** Art. 46: a problem or risk with the suggestion for it. */
    @Transactional
    public Suggestion addSuggestion(String number, String problem, String risk, String suggestion) {
        Decision d = reviewing(number);
        Actor actor = access.require(d, "合法性审查", "第四十六条", Responsible.JUSTICE_BUREAU);
        String p = text(problem, 1000, "存在的问题"), r = text(risk, 1000, "法律风险"), s = text(suggestion, 1000, "修改意见和建议");
        if (p == null || s == null) {
            throw RuleViolation.badRequest("SUGGESTION_INCOMPLETE", "请写明存在的合法性问题或法律风险，以及修改意见和建议（第四十六条）。");
        }
        int round = reviewRound(d.id());
        jdbc.sql("INSERT INTO juece.legality_suggestion (decision_id, round, problem, risk, suggestion, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), round, p, r, s, actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "提出修改意见：" + p + "；建议：" + s + "（第四十六条）");
        List<Suggestion> all = suggestions(d.id(), round);
        return all.get(all.size() - 1);
    }

    /** Generates the 合法性审查意见书 from the round's record (Art. 46) and stores it as the opinion letter material. */
    @Transactional
    public DocumentService.Generated generateLetter(String number) {
        Decision d = reviewing(number);
        access.require(d, "出具合法性审查意见书", "第四十六条", Responsible.JUSTICE_BUREAU);
        int round = reviewRound(d.id());
        ReviewRecord r = review(d.id(), round);
        List<String> missing = new ArrayList<>();
        if (r.conclusion() == null) missing.add("审查结论（第四十五条）");
        if (r.overview() == null) missing.add("审查的基本情况（第四十六条）");
        if (r.adviserOpinion() == null) missing.add("法律顾问的法律意见（第四十四条）");
        if (r.lawyerOpinion() == null) missing.add("公职律师的法律意见（第四十四条）");
        if (points(d.id(), round).size() < ReviewPoint.values().length) missing.add("第四十三条各项审查内容的结论");
        if ("PROVISIONS_ILLEGAL".equals(r.conclusion()) && suggestions(d.id(), round).isEmpty()) {
            missing.add("具体规定不合法的修改意见和建议（第四十五条第三项）");
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("LETTER_RECORD_INCOMPLETE", "生成合法性审查意见书前，请先记录：" + String.join("；", missing) + "。");
        }
        return documents.generate(d, DocumentKind.LEGALITY_OPINION, letterValues(d, r));
    }

    /** How a unit names itself in its letters: 司法局 → 我局, 司法所 → 我所; 我单位 otherwise. */
    static String selfReference(String unitName) {
        char last = unitName == null || unitName.isEmpty() ? ' ' : unitName.charAt(unitName.length() - 1);
        return "局所处办委".indexOf(last) >= 0 ? "我" + last : "我单位";
    }

    Map<String, Object> letterValues(Decision d, ReviewRecord r) {
        var organ = directory.organ(d.organCode());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("justiceUnit", DocumentService.officialName(organ, directory.unitName(organ.justiceUnit())));
        // Art. 64: a township's 司法所 writes 我所 and answers to its own organ (Art. 47: 向决策机关书面说明理由)
        v.put("justiceSelf", selfReference(directory.unitName(organ.justiceUnit())));
        v.put("organName", organ.name());
        v.put("officeUnit", DocumentService.officialName(organ, directory.unitName(organ.officeUnit())));
        v.put("leadUnit", DocumentService.officialName(organ, directory.unitName(d.leadUnit())));
        v.put("decisionTitle", d.title());
        v.put("decisionNumber", d.number());
        v.put("letterNumber", r.letterNumber());
        v.put("submittedOn", steps.ofDecision(d.id()).stream().filter(s -> s.taskKey().equals(SUBMIT_TASK) && s.completedAt() != null)
                .reduce((a, b) -> b).map(s -> DocumentService.cnDate(s.completedAt().toLocalDate())).orElse(""));
        v.put("overview", r.overview());
        v.put("methods", r.methods() == null ? "书面审查" : r.methods());
        v.put("adviserName", nz(r.adviserName()));
        v.put("adviserOpinion", r.adviserOpinion());
        v.put("lawyerName", nz(r.lawyerName()));
        v.put("lawyerOpinion", r.lawyerOpinion());
        List<Map<String, Object>> pts = new ArrayList<>();
        String[] numerals = {"一", "二", "三", "四"};
        int i = 0;
        for (PointFinding p : points(d.id(), r.round())) {
            pts.add(Map.of("no", numerals[i++], "label", p.point().label(), "finding", p.finding().label(), "note", nz(p.note())));
        }
        v.put("points", pts);
        v.put("conclusionText", LegalityService.conclusionText(r.conclusion(), organ));
        List<Map<String, Object>> sug = new ArrayList<>();
        int k = 1;
        for (Suggestion s : suggestions(d.id(), r.round())) {
            sug.add(Map.of("no", String.valueOf(k++), "problem", s.problem(), "risk", s.risk() == null ? "无" : s.risk(),
                    "suggestion", s.suggestion()));
        }
        v.put("suggestions", sug);
        v.put("date", DocumentService.cnDate(clock.today()));
        return v;
    }

    /** Art. 46: the bureau's head signs off the opinion letter as it stands (its newest version). */
    @Transactional
    public SignOff signOff(String number) {
        Decision d = reviewing(number);
        Actor actor = directory.currentActor();
        String head = Groups.unitHead(directory.organ(d.organCode()).justiceUnit());
        if (!actor.groups().contains(head)) {
            throw RuleViolation.forbidden("OPINION_SIGNOFF_NOT_HEAD", "合法性审查意见书由" + directory.unitName(directory.organ(d.organCode()).justiceUnit()) + "负责人签发（第四十六条：对审查意见负责）；您（"
                    + actor.name() + "）不是" + directory.groupName(head) + "成员。");
        }
        MaterialVersion v = letterInForce(d).orElseThrow(() -> new RuleViolation("MATERIAL_MISSING_LEGALITY_OPINION",
                "本轮尚无合法性审查意见书可签发：请先生成或上传《合法性审查意见书》（第四十六条）。"));
        int round = reviewRound(d.id());
        jdbc.sql("INSERT INTO juece.legality_signoff (decision_id, round, version_id, signed_by, signed_name, signed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), round, v.id(), actor.id(), actor.name(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "签发合法性审查意见书（" + materials.cite(d.id(), v.id())
                + "，SHA-256 " + v.sha256() + "，第四十六条）");
        return signOffs(d.id()).get(signOffs(d.id()).size() - 1);
    }

    /**
     * The newest opinion letter version the justice bureau gave in this round of the review, while the review step is
     * open: a letter given before the review began (a consultation of the bureau, Art. 41) is never the review's.
     */
    Optional<MaterialVersion> letterInForce(Decision d) {
        Optional<Step> open = openReviewStep(d.id());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        // newer than this round of the review and than the submission it answers
        long submitted = steps.ofDecision(d.id()).stream().filter(s -> s.taskKey().equals(SUBMIT_TASK) && s.state() == Step.State.COMPLETED)
                .map(Step::materialWatermark).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(0L);
        long after = Math.max(steps.roundStartsAfter(open.get()), submitted);
        List<String> by = materials.providers(d, MaterialType.LEGALITY_OPINION);
        return materials.materials(d.id()).stream().filter(m -> m.type() == MaterialType.LEGALITY_OPINION)
                .flatMap(m -> m.versions().stream())
                .filter(v -> v.id() > after
                        && (by.isEmpty() || v.providedFor() == null || by.contains(v.providedFor())))
                .max(java.util.Comparator.comparingLong(MaterialVersion::id));
    }

    /** Whether the letter in force was signed off by the bureau's head (Art. 46), given during the review. */
    boolean letterSignedOff(GateContext ctx) {
        var v = ctx.current(MaterialType.LEGALITY_OPINION);
        var inForce = letterInForce(ctx.decision());
        return v.isPresent() && inForce.isPresent() && inForce.get().id() == v.get().id()
                && signOffs(ctx.decision().id()).stream().anyMatch(s -> s.versionId() == v.get().id());
    }

    Optional<Step> openReviewStep(long decisionId) {
        return steps.ofDecision(decisionId).stream().filter(s -> s.taskKey().equals(LegalityService.REVIEW_TASK) && s.isOpen()).findFirst();
    }

    public Optional<SignOff> latestSignOff(long decisionId) {
        List<SignOff> all = signOffs(decisionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // ---- Art. 47: the lead unit's answer to each suggestion ---------------------------------------------------

    @Transactional
    public Suggestion decideAdoption(String number, long suggestionId, String adoption, String explanation) {
        Decision d = decisions.get(number);
        Actor actor = access.require(d, "研究合法性审查意见", "第四十七条", Responsible.LEAD_UNIT);
        if (openTask(d, REVISE_TASK).isEmpty()) {
            throw new RuleViolation("REVISION_NOT_RUNNING", "合法性审查意见的采纳情况在“根据审查意见修改”环节记录（第四十七条）。");
        }
        Suggestion s = suggestionsOf(d.id()).stream().filter(x -> x.id() == suggestionId).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("SUGGESTION_NOT_FOUND", "该决策事项没有这条审查意见。"));
        if (adoption == null || !List.of("ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED").contains(adoption.strip())) {
            throw RuleViolation.badRequest("ADOPTION_REQUIRED", "请选择：ADOPTED（采纳）、PARTLY_ADOPTED（部分采纳）或 NOT_ADOPTED（未采纳）（第四十七条）。");
        }
        String a = adoption.strip();
        String e = text(explanation, 1000, "书面说明");
        if (!"ADOPTED".equals(a) && (e == null || e.length() < minReason)) {
            throw RuleViolation.badRequest("ADOPTION_EXPLANATION_REQUIRED", "未采纳或者未完全采纳合法性审查意见的，应当向决策机关书面说明理由（第四十七条，不少于"
                    + minReason + "字）。");
        }
        jdbc.sql("UPDATE juece.legality_suggestion SET adoption = ?, explanation = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(a, e, actor.id(), clock.now(), s.id()).update();
        Suggestion after = suggestionsOf(d.id()).stream().filter(x -> x.id() == suggestionId).findFirst().orElseThrow();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGALITY_RECORDED, "审查意见“" + s.suggestion() + "”：" + after.adoptionLabel()
                + (e == null ? "" : "；说明：" + e) + "（第四十七条）");
        return after;
    }

    /** The suggestions of the latest review round (the ones the lead unit answers, Art. 47). */
    public List<Suggestion> latestSuggestions(long decisionId) {
        var c = legality.latestConclusion(decisionId);
        return c.isEmpty() ? List.of() : suggestions(decisionId, c.get().step().round());
    }

    /** The countersignatures as facts of the dossier (Art. 41, 42), beside the conclusions LegalityService lists. */
    @Override
    public List<cn.juece.dossier.DossierFact> facts(Decision d) {
        List<cn.juece.dossier.DossierFact> facts = new ArrayList<>();
        for (Countersign c : countersigns.of(d.id())) {
            facts.add(cn.juece.dossier.DossierFact.of("COUNTERSIGN", "部门会签意见", "第四十一条、第四十二条", Stage.LEGALITY.number(), c.step(),
                    directory.unitName(c.unitCode()) + "：" + c.step().outcomeLabel() + (c.draftVersionId() == null ? "" : "（" + materials.cite(d.id(), c.draftVersionId()) + "）"),
                    "unit", c.unitCode(), "draftVersionId", c.draftVersionId()));
        }
        return facts;
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    public Optional<OfficeMeeting> officeMeeting(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.office_meeting_approval WHERE decision_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(decisionId).query((rs, i) -> new OfficeMeeting(rs.getLong("id"), rs.getObject("meeting_date", LocalDate.class),
                        rs.getString("meeting_name"), rs.getString("note"), rs.getString("recorded_by"), time(rs.getObject("recorded_at", OffsetDateTime.class))))
                .optional();
    }

    public Optional<Attestation> attestation(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.legality_attestation WHERE decision_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(decisionId).query((rs, i) -> new Attestation(rs.getLong("id"), rs.getLong("watermark"), rs.getString("statement"),
                        rs.getString("attested_by"), rs.getString("attested_name"), time(rs.getObject("attested_at", OffsetDateTime.class))))
                .optional();
    }

    public ReviewRecord review(long decisionId, int round) {
        return jdbc.sql("SELECT * FROM juece.legality_review_record WHERE decision_id = ? AND round = ?").params(decisionId, round)
                .query((rs, i) -> new ReviewRecord(rs.getInt("round"), rs.getString("adviser_name"), rs.getString("adviser_opinion"),
                        rs.getString("lawyer_name"), rs.getString("lawyer_opinion"), rs.getString("methods"), rs.getString("overview"),
                        rs.getString("conclusion"), rs.getString("letter_number"))).optional().orElse(ReviewRecord.empty(round));
    }

    public List<PointFinding> points(long decisionId, int round) {
        Map<ReviewPoint, PointFinding> byPoint = new EnumMap<>(ReviewPoint.class);
        jdbc.sql("SELECT * FROM juece.legality_review_point WHERE decision_id = ? AND round = ?").params(decisionId, round)
                .query((rs, i) -> new PointFinding(ReviewPoint.valueOf(rs.getString("point")), ReviewPoint.Finding.valueOf(rs.getString("finding")),
                        rs.getString("note"), rs.getString("recorded_by"))).list().forEach(p -> byPoint.put(p.point(), p));
        return new ArrayList<>(byPoint.values());
    }

    public List<Suggestion> suggestions(long decisionId, int round) {
        return suggestionsOf(decisionId).stream().filter(s -> s.round() == round).toList();
    }

    List<Suggestion> suggestionsOf(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.legality_suggestion WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Suggestion(rs.getLong("id"), rs.getInt("round"), rs.getString("problem"), rs.getString("risk"),
                        rs.getString("suggestion"), rs.getString("adoption"), rs.getString("explanation"), rs.getString("decided_by"),
                        time(rs.getObject("decided_at", OffsetDateTime.class)))).list();
    }

    public List<SignOff> signOffs(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.legality_signoff WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new SignOff(rs.getLong("id"), rs.getInt("round"), rs.getLong("version_id"), rs.getString("signed_by"),
                        rs.getString("signed_name"), time(rs.getObject("signed_at", OffsetDateTime.class)))).list();
    }

    Optional<Task> openTask(Decision d, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(d.number()).taskDefinitionKey(key).list().stream().findFirst();
    }

    private Decision inLegality(String number) {
        Decision d = decisions.get(number);
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
        if (d.stage() != Stage.LEGALITY) {
            throw new RuleViolation("NOT_IN_LEGALITY", "该记录在合法性审查阶段办理；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        return d;
    }

    private Decision reviewing(String number) {
        Decision d = inLegality(number);
        if (openTask(d, LegalityService.REVIEW_TASK).isEmpty()) {
            throw new RuleViolation("REVIEW_NOT_RUNNING", "合法性审查尚未开始或已办结：审查记录在“合法性审查”环节进行中时填写（第四十三条、第四十四条）。");
        }
        return d;
    }

    private static String pick(String given, String old, int max, String what) {
        String t = text(given, max, what);
        return t == null ? old : t;
    }

    static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字；详细内容请作为材料上传。");
        }
        return s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}

package cn.juece.expert;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Decision;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.expert.ExpertReview.Adoption;
import cn.juece.expert.ExpertReview.Form;
import cn.juece.expert.ExpertReview.Member;
import cn.juece.expert.ExpertReview.Status;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;
import cn.juece.workflow.Steps;

/**
 * Expert review of a decision (Art. 30-35), worked by the lead unit while the step 组织专家论证 (expert-conduct) is
 * open: the arrangement (form, fields, complexity, the parties with a stake), a reproducible random draw of the
 * panel from the active pool under the constraints of Art. 31 (with rotation), manual additions with a reason,
 * replacement draws after a decline, invitations through signed links mailed through the outbox, the delivery of
 * materials (from which the research period of Art. 34 counts), the adoption of each opinion, the summary, the
 * feedback to the experts and, if the lead unit decides so, publication on the portal (Art. 35). Each round of the
 * step has its own review (DECISIONS.md 24).
 */
@Service
public class ExpertReviewService implements FactSource {

    public static final String TASK = "expert-conduct";
    static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final int MAX_TEXT = 4000;

    private final ExpertReviewRepository repo;
    private final ExpertPool pool;
    private final ExpertLinks links;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final Directory directory;
    private final Steps steps;
    private final StepPeriods stepPeriods;
    private final MaterialService materials;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AppClock clock;
    private final int rotationDraws;
    private final int rotationMonths;
    private final int minReason;
    private final SecureRandom random = new SecureRandom();
    private final StepFactTable<ExpertReviewClose> closeFacts;

    ExpertReviewService(ExpertReviewRepository repo, ExpertPool pool, ExpertLinks links, DecisionAccess access, Responsibilities responsibilities, Directory directory, Steps steps,
                        StepPeriods stepPeriods, MaterialService materials, AuditTrail audit, Outbox outbox, AppClock clock,
                        JdbcClient jdbc,
                        @Value("${juece.expert.rotation.recent-draws:2}") int rotationDraws,
                        @Value("${juece.expert.rotation.months:0}") int rotationMonths,
                        @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.repo = repo;
        this.pool = pool;
        this.links = links;
        this.access = access;
        this.responsibilities = responsibilities;
        this.directory = directory;
        this.steps = steps;
        this.stepPeriods = stepPeriods;
        this.materials = materials;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.rotationDraws = rotationDraws;
        this.rotationMonths = rotationMonths;
        this.minReason = minReason;
        this.closeFacts = new StepFactTable<>(jdbc, "expert_review_close", (rs, id, decisionId, step) ->
                new ExpertReviewClose(id, decisionId, step, rs.getObject("review_id", Long.class), rs.getInt("panel_size"),
                        rs.getInt("opinions"), rs.getInt("adopted"), rs.getInt("partly_adopted"), rs.getInt("not_adopted"),
                        rs.getObject("opinion_version_id", Long.class)),
                "review_id", "panel_size", "opinions", "adopted", "partly_adopted", "not_adopted", "opinion_version_id");
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** The newest review of a decision the person may see; contact details only for administrators and the lead unit. */
    public Optional<ExpertReview> review(String number) {
        Decision d = access.visible(number);
        return repo.latest(d.id()).map(r -> forViewer(d, r));
    }

    public List<ExpertReview> reviews(String number) {
        Decision d = access.visible(number);
        return repo.ofDecision(d.id()).stream().map(r -> forViewer(d, r)).toList();
    }

    /** Whether the person acting now sees the experts' phone and e-mail on this decision (personal information). */
    public boolean maySeeContacts(Decision d) {
        Actor actor = directory.currentActor();
        return actor.isSystem() || actor.groups().contains(Groups.ADMIN)
                || actor.inAnyGroup(responsibilities.groups(d, Responsible.LEAD_UNIT, null));
    }

    private ExpertReview forViewer(Decision d, ExpertReview r) {
        if (maySeeContacts(d)) {
            return r;
        }
        return new ExpertReview(r.id(), r.decisionId(), r.round(), r.form(), r.complex(), r.fields(), r.parties(), r.recordedBy(),
                r.recordedAt(), r.belowMinimumSize(), r.belowMinimumReason(), r.belowMinimumBy(), r.belowMinimumAt(), r.summary(),
                r.summarisedBy(), r.summarisedAt(), r.feedbackSentBy(), r.feedbackSentAt(), r.publishedBy(), r.publishedAt(),
                r.members().stream().map(Member::withoutContacts).toList(), r.draws(), r.deliveries());
    }

    /** The open step 组织专家论证 of the decision, if any. */
    Optional<Step> openStep(long decisionId) {
        return steps.ofDecision(decisionId).stream().filter(s -> TASK.equals(s.taskKey()) && s.isOpen()).findFirst();
    }

    /** The review of the open step's round (for the gates), if the step is open and has one. */
    Optional<ExpertReview> current(long decisionId) {
        return openStep(decisionId).flatMap(s -> repo.ofRound(decisionId, s.round()));
    }

    /** Whether the step is open now (pages offer the forms only then). */
    public boolean stepOpen(Decision d) {
        return openStep(d.id()).isPresent();
    }

    /** The lead unit acting on the open step's review (created for the round on first use, the arrangement carried over). */
    private Working working(String number, String what) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, what, "第三十条", Responsible.LEAD_UNIT);
        Step step = openStep(d.id()).orElseThrow(() -> new RuleViolation("EXPERT_STAGE_NOT_OPEN",
                "“组织专家论证”环节尚未开始或已办结：草案拟定阶段确定需要专家论证后，在专家论证阶段组织抽取专家、邀请和论证（第三十条）。"));
        ExpertReview r = repo.ofRound(d.id(), step.round()).orElseGet(() -> {
            long id = repo.insertReview(d.id(), step.round(), clock.now());
            repo.latest(d.id()).filter(prev -> prev.round() < step.round() && prev.arranged()).ifPresent(prev ->
                    repo.arrangement(id, prev.form(), prev.complex(), fieldIds(prev.fields()), prev.parties(), prev.recordedBy(), clock.now()));
            return repo.get(id);
        });
        return new Working(d, actor, step, r);
    }

    private record Working(Decision d, Actor actor, Step step, ExpertReview r) {
    }

    // ---- arrangement (Art. 30, 31) ----------------------------------------------------------------

    /**
     * The form of the review (Art. 30), the fields of the matter the panel must cover and whether the matter is broad,
     * controversial, very complex or sensitive (at least 7 experts, Art. 31), and the parties with a stake in it.
     */
    @Transactional
    public ExpertReview arrange(String number, String form, List<String> fields, Boolean complex, String parties) {
        Working w = working(number, "专家论证的安排");
        Form f;
        try {
            f = Form.valueOf(form == null ? "" : form.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("EXPERT_FORM_INVALID", "请选择专家论证方式（第三十条）：MEETING（论证会）、WRITTEN（书面咨询）或 COMMISSIONED（委托专业机构论证咨询）。");
        }
        List<String> names = fields == null ? List.of() : fields.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (names.isEmpty()) {
            throw RuleViolation.badRequest("EXPERT_FIELDS_REQUIRED", "请选择决策事项涉及的专业领域：涉及多个专业领域的，应当选择相应领域的专家参与论证（第三十一条）。");
        }
        Set<String> known = pool.activeFieldNames();
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.badRequest("EXPERT_FIELD_UNKNOWN", "“" + String.join("、", unknown) + "”不在专业领域清单中，请从清单中选择（清单由系统管理员维护）。");
        }
        if (complex == null) {
            throw RuleViolation.badRequest("EXPERT_COMPLEX_REQUIRED", "请说明决策事项是否涉及面较广、争议较大或者内容特别复杂、敏感（第三十一条：一般不少于7人）。");
        }
        List<String> stake = ExpertReviewRepository.lines(parties);
        if (stake.size() > 30 || stake.stream().anyMatch(s -> s.length() > 200)) {
            throw RuleViolation.badRequest("EXPERT_PARTIES_TOO_LONG", "利害关系单位最多30个，每个不超过200字。");
        }
        repo.arrangement(w.r().id(), f, complex, fieldIds(names), stake, w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "专家论证安排：" + f.label() + "；涉及领域："
                + String.join("、", names) + (complex ? "；涉及面较广、争议较大或者内容特别复杂、敏感，一般不少于7人" : "；一般不少于5人")
                + (stake.isEmpty() ? "" : "；有利害关系的单位：" + String.join("、", stake)) + "（第三十条、第三十一条）");
        return forViewer(w.d(), repo.get(w.r().id()));
    }

    private List<Long> fieldIds(List<String> names) {
        Map<String, Long> ids = new LinkedHashMap<>();
        pool.fields().forEach(f -> ids.put(f.name(), f.id()));
        return names.stream().map(ids::get).filter(java.util.Objects::nonNull).toList();
    }

    /** DECISIONS.md 12: a panel smaller than the "一般" minimum, with a reason the lead unit's head gives. */
    @Transactional
    public ExpertReview approveSmallerPanel(String number, Integer size, String reason) {
        Working w = working(number, "专家论证");
        requireArranged(w.r());
        if (!w.actor().groups().contains(Groups.unitHead(w.d().leadUnit()))) {
            throw RuleViolation.forbidden("DEVIATION_NOT_UNIT_HEAD", "参加论证的专家一般不少于" + w.r().minimum() + "人（第三十一条）；确需减少的，须由"
                    + directory.groupName(Groups.unitHead(w.d().leadUnit())) + "批准并写明理由，您（" + w.actor().name() + "）不是本单位负责人。");
        }
        if (size == null || size < 3 || size >= w.r().minimum()) {
            throw RuleViolation.badRequest("EXPERT_PANEL_SIZE_INVALID", "减少后的人数应当少于" + w.r().minimum() + "人且不少于3人（行业专家为主并包括法律专家）。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < minReason || why.length() > 1000) {
            throw RuleViolation.badRequest("DEVIATION_REASON_TOO_SHORT", "请写明减少论证专家人数的具体理由（不少于" + minReason + "字，不超过1000字，第三十一条“一般不少于”）。");
        }
        repo.belowMinimum(w.r().id(), size, why, w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "经本单位负责人批准，论证专家减少为" + size
                + "人（一般不少于" + w.r().minimum() + "人，第三十一条）；理由：" + why);
        outbox.toGroups(w.d().id(), "EXPERT_PANEL_BELOW_MINIMUM", List.of(Groups.unit(directory.organ(w.d().organCode()).justiceUnit())),
                "【论证专家人数减少】" + w.d().number() + " " + w.d().title(),
                w.d().title() + "（" + w.d().number() + "）的专家论证经本单位负责人批准，论证专家减少为" + size + "人（第三十一条一般不少于"
                        + w.r().minimum() + "人）。\n批准人：" + w.actor().name() + "\n理由：" + why,
                outbox.link("/decisions/" + w.d().number() + "/experts"));
        return forViewer(w.d(), repo.get(w.r().id()));
    }

    private static void requireArranged(ExpertReview r) {
        if (!r.arranged()) {
            throw new RuleViolation("EXPERT_ARRANGEMENT_MISSING", "请先确定专家论证方式和决策事项涉及的专业领域（第三十条、第三十一条）。");
        }
    }

    // ---- the draw (Art. 31, 32) --------------------------------------------------------------------

    /**
     * Draws the panel at random from the active pool: at least the minimum (or the approved smaller size), industry
     * experts the majority with at least one legal expert, every field covered, nobody with a direct interest, the
     * rotation respected. The draw keeps its seed and candidates so that anyone can run it again.
     *
     * @param size the panel's size; null: the least the review needs
     */
    @Transactional
    public ExpertReview.Draw drawPanel(String number, Integer size) {
        Working w = working(number, "抽取论证专家");
        ExpertReview r = w.r();
        requireArranged(r);
        if (!r.active().isEmpty()) {
            throw new RuleViolation("EXPERT_PANEL_EXISTS", "本轮专家论证已确定专家" + r.active().size()
                    + "人。专家谢绝或撤回的，请补充抽取；确需增加的，请说明理由手动增加（第三十一条）。");
        }
        int n = size == null ? r.requiredSize() : size;
        if (n < r.requiredSize()) {
            throw new RuleViolation("EXPERT_PANEL_TOO_SMALL", "参加论证的专家一般不少于" + r.minimum() + "人（第三十一条）"
                    + (r.belowMinimumSize() != null ? "，本单位负责人批准减少为" + r.belowMinimumSize() + "人" : "")
                    + "；确需减少的，须由本单位负责人批准并写明理由。");
        }
        if (n > 30) {
            throw RuleViolation.badRequest("EXPERT_PANEL_SIZE_INVALID", "一次抽取不超过30人。");
        }
        Outcome o = runDraw(w.d(), r, "PANEL", n, List.of(), null, w.actor());
        if (!o.result().ok()) {
            throw new RuleViolation(o.result().problem().code(), "无法抽取论证专家：" + o.result().problem().message() + o.lacking()
                    + "。请补充专家库（或调整轮换设置），或说明理由手动增加专家。");
        }
        return repo.get(r.id()).draws().stream().filter(x -> x.id() == o.drawId()).findFirst().orElseThrow();
    }

    private record Outcome(long drawId, PanelDraw.Result result, String lacking) {
    }

    /**
     * Runs one draw on the active pool and records it (seed, candidates in id order with why anyone was left out,
     * the outcome); drawn experts join the panel. A failed draw is recorded only when {@code keepFailure}.
     */
    private Outcome runDraw(Decision d, ExpertReview r, String kind, int size, List<Member> kept, Long replaces, Actor actor) {
        String seed = newSeed();
        Set<Long> keptIds = kept.stream().map(m -> m.expert().id()).collect(Collectors.toSet());
        Map<Long, Member> onPanel = new LinkedHashMap<>();
        r.members().forEach(m -> onPanel.put(m.expert().id(), m));
        Set<Long> rotated = rotatedOut(r);
        Set<String> fields = new LinkedHashSet<>(r.fields());
        List<Expert> candidates = new ArrayList<>(pool.activePool());
        kept.stream().map(Member::expert).filter(e -> candidates.stream().noneMatch(c -> c.id() == e.id())).forEach(candidates::add);
        candidates.sort(java.util.Comparator.comparingLong(Expert::id));
        Map<Long, String> excluded = new LinkedHashMap<>();
        int conflicts = 0;
        int rotation = 0;
        int mismatch = 0;
        for (Expert e : candidates) {
            String why;
            if (keptIds.contains(e.id())) {
                why = "ON_PANEL";
            } else if (onPanel.containsKey(e.id())) {
                why = "本轮论证" + onPanel.get(e.id()).status().label();
            } else if (conflict(e, d, r) != null) {
                why = "直接利害关系：" + conflict(e, d, r);
                conflicts++;
            } else if (rotated.contains(e.id())) {
                why = "轮换：近期已被抽取";
                rotation++;
            } else if (!PanelDraw.matches(e.candidate(), fields)) {
                why = "专业领域与决策事项不符";
                mismatch++;
            } else {
                why = null;
            }
            excluded.put(e.id(), why);
        }
        List<PanelDraw.Candidate> eligible = candidates.stream().filter(e -> excluded.get(e.id()) == null).map(Expert::candidate).toList();
        List<PanelDraw.Candidate> keptCandidates = kept.stream().map(m -> m.expert().candidate()).toList();
        PanelDraw.Result result = PanelDraw.draw(seed, eligible, keptCandidates, keptCandidates.size() + (kind.equals("PANEL") ? size : 1), fields);
        String lacking = "（专家库在库专家" + pool.activePool().size() + "人" + (conflicts > 0 ? "，其中" + conflicts + "人有直接利害关系" : "")
                + (rotation > 0 ? "，" + rotation + "人近期已被抽取（轮换）" : "") + (mismatch > 0 ? "，" + mismatch + "名行业专家的领域与决策事项不符" : "") + "）";
        if (!result.ok() && kind.equals("PANEL")) {
            return new Outcome(0, result, lacking);
        }
        long drawId = repo.insertDraw(r.id(), kind, seed, kept.size() + (kind.equals("PANEL") ? size : 1), List.copyOf(fields),
                rotationDraws, rotationMonths, replaces, result.ok() ? "DRAWN" : "FAILED",
                result.ok() ? null : result.problem().code(), result.ok() ? null : result.problem().message() + lacking, actor.id(), clock.now());
        Set<Long> chosen = Set.copyOf(result.drawn());
        int seq = 0;
        for (Expert e : candidates) {
            repo.insertCandidate(drawId, ++seq, e.id(), e.type(), e.fields(), excluded.get(e.id()), chosen.contains(e.id()));
        }
        for (Long id : result.drawn()) {
            repo.insertMember(r.id(), id, drawId, null, actor.id(), clock.now());
        }
        String names = String.join("、", result.drawn().stream().map(id -> candidates.stream().filter(c -> c.id() == id).findFirst()
                .map(Expert::name).orElse("")).toList());
        audit.record(actor, d.id(), d.number(), AuditAction.EXPERT_REVIEW_RECORDED, result.ok()
                ? (kind.equals("PANEL") ? "随机抽取论证专家" + result.drawn().size() + "人：" : "补充抽取论证专家：") + names + "（抽取编号" + drawId
                        + "，种子 " + seed + "，候选" + candidates.size() + "人、符合条件" + eligible.size() + "人；第三十一条）"
                : "补充抽取论证专家未成功（抽取编号" + drawId + "，种子 " + seed + "）：" + result.problem().message() + lacking);
        return new Outcome(drawId, result, lacking);
    }

    private String newSeed() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private Set<Long> rotatedOut(ExpertReview r) {
        if (rotationDraws <= 0 && rotationMonths <= 0) {
            return Set.of();
        }
        OffsetDateTime since = rotationMonths > 0 ? clock.now().minusMonths(rotationMonths) : null;
        return PanelDraw.rotatedOut(repo.history(r.id(), Math.max(rotationDraws, 0), since), rotationDraws, rotationMonths, clock.today());
    }

    /**
     * A direct interest (Art. 31), or null: the expert's declared interests name the matter, the lead unit, another
     * 承办 unit or a party; or the expert works for (工作单位), is employed by or tied to one of them.
     */
    String conflict(Expert e, Decision d, ExpertReview r) {
        List<String> names = new ArrayList<>();
        names.add(directory.unitName(d.leadUnit()));
        d.coUnits().forEach(u -> names.add(directory.unitName(u)));
        names.addAll(r.parties());
        String interests = norm(e.interests());
        if (!interests.isEmpty()) {
            if (interests.contains(norm(d.title())) || interests.contains(norm(d.number()))) {
                return "利益声明涉及本决策事项";
            }
            for (String n : names) {
                if (norm(n).length() >= 2 && interests.contains(norm(n))) {
                    return "利益声明涉及“" + n + "”";
                }
            }
        }
        List<String> ties = new ArrayList<>(e.affiliations());
        ties.add(0, e.organisation());
        for (String a : ties) {
            String aa = norm(a);
            for (String n : names) {
                String nn = norm(n);
                if (aa.length() >= 2 && nn.length() >= 2 && (aa.contains(nn) || nn.contains(aa))) {
                    return (a.equals(e.organisation()) ? "工作单位“" : "任职或关联单位“") + a + "”为" + (n.equals(names.get(0)) ? "决策承办单位" : "利害关系单位“" + n + "”");
                }
            }
        }
        return null;
    }

    private static String norm(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Runs a recorded draw again from its seed and candidates: the same experts (Art. 31, anyone may check). */
    public List<Long> rerun(long drawId) {
        ExpertReview.Draw draw = draw(drawId);
        List<PanelDraw.Candidate> eligible = draw.candidates().stream().filter(c -> c.excluded() == null)
                .map(c -> new PanelDraw.Candidate(c.expertId(), c.type(), new LinkedHashSet<>(c.fields()))).toList();
        List<PanelDraw.Candidate> kept = draw.candidates().stream().filter(c -> "ON_PANEL".equals(c.excluded()))
                .map(c -> new PanelDraw.Candidate(c.expertId(), c.type(), new LinkedHashSet<>(c.fields()))).toList();
        PanelDraw.Result result = PanelDraw.draw(draw.seed(), eligible, kept, draw.panelSize(), new LinkedHashSet<>(draw.matterFields()));
        return result.drawn();
    }

    /** A recorded draw of a decision the person may see. */
    public ExpertReview.Draw draw(long drawId) {
        long reviewId = repo.reviewOfDraw(drawId).orElseThrow(() -> drawNotFound(drawId));
        ExpertReview r = repo.get(reviewId);
        access.visible(r.decisionId());
        return r.draws().stream().filter(x -> x.id() == drawId).findFirst().orElseThrow();
    }

    static RuleViolation drawNotFound(long id) {
        return RuleViolation.notFound("EXPERT_DRAW_NOT_FOUND", "抽取记录不存在：" + id);
    }

    /**
     * A replacement for a member who declined or was withdrawn, drawn under the same constraints with the rest of the
     * panel kept (Art. 31). On a decline it runs by itself; a failure is then recorded and mailed to the lead unit.
     */
    @Transactional
    public ExpertReview.Draw drawReplacement(long memberId) {
        Member m = member(memberId);
        ExpertReview r0 = repo.get(m.reviewId());
        Decision d = access.visible(r0.decisionId());
        Working w = working(d.number(), "补充抽取论证专家");
        if (w.r().id() != r0.id()) {
            throw new RuleViolation("EXPERT_REVIEW_CLOSED", "该专家属于已办结的一轮专家论证。");
        }
        Outcome o = replacement(d, w.r(), m, w.actor());
        if (!o.result().ok()) {
            throw new RuleViolation(o.result().problem().code(), "无法补充抽取：" + o.result().problem().message() + o.lacking() + "。");
        }
        ExpertReview after = repo.get(r0.id());
        return after.draws().stream().filter(x -> x.id() == o.drawId()).findFirst().orElseThrow();
    }

    private Outcome replacement(Decision d, ExpertReview r, Member m, Actor actor) {
        if (m.status().active()) {
            throw new RuleViolation("EXPERT_NOT_DECLINED", m.expert().name() + "仍在专家组中（" + m.status().label() + "），无需补充抽取。");
        }
        if (r.draws().stream().anyMatch(x -> x.drawn() && m.id() == (x.replacesMemberId() == null ? -1 : x.replacesMemberId()))) {
            throw new RuleViolation("EXPERT_ALREADY_REPLACED", "已为" + m.expert().name() + "补充抽取过专家。");
        }
        return runDraw(d, r, "REPLACEMENT", 1, r.active(), m.id(), actor);
    }

    /**
     * After an expert declines through their link: a replacement drawn under the same constraints, invited at once
     * when the pool has their e-mail; the lead unit is told either way (a failed draw is recorded with what the pool
     * lacks, so that it can add an expert by hand).
     */
    void replaceAfterDecline(Decision d, Member declined) {
        ExpertReview r = repo.get(declined.reviewId());
        Actor system = Actor.system();
        Outcome o = replacement(d, r, declined, system);
        String leadUnit = Groups.unit(d.leadUnit());
        String link = outbox.link("/decisions/" + d.number() + "/experts");
        if (!o.result().ok()) {
            outbox.toGroups(d.id(), "EXPERT_REPLACEMENT_FAILED", List.of(leadUnit), "【专家谢绝，补充抽取未成功】" + d.number() + " " + d.title(),
                    declined.expert().name() + "谢绝了论证邀请。系统按同样条件补充抽取未成功：" + o.result().problem().message() + o.lacking()
                            + "。\n请补充专家库，或说明理由手动增加专家（第三十一条）。", link);
            return;
        }
        Member fresh = repo.get(r.id()).members().stream().filter(m -> m.drawId() != null && m.drawId() == o.drawId()).findFirst().orElseThrow();
        boolean invited = fresh.expert().email() != null;
        if (invited) {
            invite(d, fresh, system);
        }
        outbox.toGroups(d.id(), "EXPERT_REPLACED", List.of(leadUnit), "【专家谢绝，已补充抽取】" + d.number() + " " + d.title(),
                declined.expert().name() + "谢绝了论证邀请。系统已按同样条件补充抽取" + fresh.expert().name() + "（" + fresh.expert().organisation()
                        + "）" + (invited ? "，并发送了论证邀请链接。" : "；该专家没有电子邮箱，请补充后发送邀请。"), link);
    }

    // ---- manual additions, withdrawal (Art. 31) -----------------------------------------------------

    /**
     * Adds an expert by hand, with a reason (e.g. a dissenting view sought, Art. 31): one of the pool, or one from
     * outside it with their details (a pool is an aid, not a limit). Every constraint still holds: no direct
     * interest, the rotation, a specialty meeting the matter, the industry majority.
     */
    @Transactional
    public Member addMember(String number, Long expertId, ExpertInput outside, String reason) {
        Working w = working(number, "增加论证专家");
        ExpertReview r = w.r();
        requireArranged(r);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < minReason || why.length() > 1000) {
            throw RuleViolation.badRequest("EXPERT_MANUAL_REASON_REQUIRED", "手动增加论证专家须写明理由（不少于" + minReason
                    + "字），如注重选择持不同意见的专家（第三十一条）。");
        }
        Expert e;
        if (expertId != null) {
            e = pool.find(expertId).filter(x -> x.inPool() || w.d().id() == (x.forDecisionId() == null ? -1 : x.forDecisionId()))
                    .orElseThrow(() -> ExpertPool.notFound(expertId));
            if (!e.active()) {
                throw new RuleViolation("EXPERT_INACTIVE", e.name() + "在专家库中已停用。");
            }
            if (r.members().stream().anyMatch(m -> m.expert().id() == e.id())) {
                throw new RuleViolation("EXPERT_ALREADY_ON_PANEL", e.name() + "已在本轮专家论证的名单中。");
            }
            if (e.inPool() && rotatedOut(r).contains(e.id())) {
                throw new RuleViolation("EXPERT_ROTATION", e.name() + "近期已被抽取参加论证，按专家库轮换规则本次不参加（第三十二条动态管理）。");
            }
        } else if (outside != null) {
            ExpertInput.Checked c = outside.check(pool.activeFieldNames()).valid();
            e = new Expert(0, c.name(), c.organisation(), c.title(), c.type(), c.phone(), c.email(), c.interests(), c.affiliations(),
                    c.fields(), true, false, w.d().id(), clock.now(), true);
        } else {
            throw RuleViolation.badRequest("EXPERT_REQUIRED", "请选择专家库中的专家，或填写库外专家的信息。");
        }
        String conflict = conflict(e, w.d(), r);
        if (conflict != null) {
            throw new RuleViolation("EXPERT_DIRECT_INTEREST", "不得选择与决策事项有直接利害关系的专家（第三十一条）：" + e.name() + "，" + conflict + "。");
        }
        if (!PanelDraw.matches(e.candidate(), new LinkedHashSet<>(r.fields()))) {
            throw new RuleViolation("EXPERT_FIELD_MISMATCH", "行业专家的专业特长应当与决策事项相符合（第三十一条）：" + e.name() + "的领域（"
                    + String.join("、", e.fields()) + "）不涉及本事项的领域（" + String.join("、", r.fields()) + "）。");
        }
        if (e.type() == PanelDraw.Type.LEGAL) {
            int target = Math.max(r.requiredSize(), r.active().size() + 1);
            long legal = r.active().stream().filter(m -> m.expert().type() == PanelDraw.Type.LEGAL).count() + 1;
            if (legal > target - PanelDraw.industryMajority(target)) {
                throw new RuleViolation("EXPERT_INDUSTRY_INSUFFICIENT", "论证专家以行业专家为主（第三十一条）：再增加法律专家后，" + target + "人中法律专家"
                        + legal + "人，行业专家不再占多数。请先增加行业专家。");
            }
        }
        long id = e.id() != 0 ? e.id() : pool.createForDecision(w.d(), outside, w.actor());
        long memberId = repo.insertMember(r.id(), id, null, why, w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "手动增加论证专家：" + e.name() + "（"
                + e.organisation() + "，" + e.type().label() + (e.id() == 0 ? "，专家库外" : "") + "）；理由：" + why + "（第三十一条）");
        return member(memberId);
    }

    /** Takes a member off the panel with a reason (before they gave an opinion); their link stops working. */
    @Transactional
    public Member withdraw(long memberId, String reason) {
        Member m = member(memberId);
        Working w = workingFor(m, "撤回论证专家");
        if (!m.status().active()) {
            throw new RuleViolation("EXPERT_NOT_ON_PANEL", m.expert().name() + "已" + m.status().label() + "。");
        }
        if (m.opinion() != null) {
            throw new RuleViolation("EXPERT_OPINION_SUBMITTED", m.expert().name() + "已提交论证意见，不能撤回；意见应当如实记录并研究采纳（第三十五条）。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw RuleViolation.badRequest("EXPERT_WITHDRAW_REASON_REQUIRED", "请写明撤回该专家的理由（不超过500字）。");
        }
        repo.withdrawn(m.id(), why);
        repo.revokeInvitations(m.id(), w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "撤回论证专家" + m.expert().name() + "；理由：" + why);
        return member(memberId);
    }

    // ---- invitations (Art. 33, 34) ------------------------------------------------------------------

    /** Sends the member a signed link by mail through the outbox (a new link when the last was revoked or expired). */
    @Transactional
    public Member invite(long memberId) {
        Member m = member(memberId);
        Working w = workingFor(m, "邀请论证专家");
        return invite(w.d(), m, w.actor());
    }

    /** Invites every member drawn or added and not invited yet. */
    @Transactional
    public ExpertReview inviteAll(String number) {
        Working w = working(number, "邀请论证专家");
        List<Member> selected = w.r().members().stream().filter(m -> m.status() == Status.SELECTED).toList();
        if (selected.isEmpty()) {
            throw new RuleViolation("EXPERT_NONE_TO_INVITE", "没有待邀请的专家：请先抽取或增加论证专家。");
        }
        selected.forEach(m -> invite(w.d(), m, w.actor()));
        return forViewer(w.d(), repo.get(w.r().id()));
    }

    private Member invite(Decision d, Member m, Actor actor) {
        if (!m.status().active()) {
            throw new RuleViolation("EXPERT_NOT_ON_PANEL", m.expert().name() + "已" + m.status().label() + "，不再邀请。");
        }
        if (m.invitation() != null && m.invitation().usable(clock.now())) {
            throw new RuleViolation("EXPERT_LINK_ACTIVE", "已向" + m.expert().name() + "发送的链接仍然有效（至"
                    + m.invitation().expiresAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm")) + "）。如需重新发送，请先撤销原链接。");
        }
        if (m.expert().email() == null) {
            throw new RuleViolation("EXPERT_EMAIL_MISSING", m.expert().name() + "没有电子邮箱，无法发送论证邀请链接。请在专家信息中补充电子邮箱。");
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime expires = links.expiryFrom(now);
        long invitationId = repo.insertInvitation(m.id(), actor.id(), now, expires);
        if (m.status() == Status.SELECTED) {
            repo.status(m.id(), Status.INVITED);
        }
        String link = outbox.link("/public/experts/" + links.token(invitationId, expires));
        outbox.toAddress(d.id(), "EXPERT_INVITATION", "expert-" + m.expert().id(), m.expert().email(),
                "【专家论证邀请】" + d.title(),
                m.expert().name() + "：\n\n" + directory.unitName(d.leadUnit()) + "拟就“" + d.title() + "”组织专家论证（第三十条），诚邀您参加。"
                        + "请通过下面的链接（无需注册登录）答复是否参加；接受后可查阅论证材料、作出保密承诺并提交论证意见。\n链接有效期至"
                        + expires.format(DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm")) + "，仅供您本人使用，请勿转发。",
                link);
        audit.record(actor, d.id(), d.number(), AuditAction.EXPERT_REVIEW_RECORDED, "向论证专家" + m.expert().name()
                + "发送论证邀请链接（邀请编号" + invitationId + "，有效期至" + expires.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "）");
        return member(m.id());
    }

    /** The lead unit revokes a link: it opens nothing any more (a new one can be sent). */
    @Transactional
    public Member revoke(long memberId) {
        Member m = member(memberId);
        Working w = workingFor(m, "撤销论证邀请链接");
        int n = repo.revokeInvitations(m.id(), w.actor().id(), clock.now());
        if (n == 0) {
            throw new RuleViolation("EXPERT_LINK_NONE", "没有可撤销的链接。");
        }
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "撤销论证专家" + m.expert().name() + "的邀请链接");
        return member(memberId);
    }

    /** The lead unit acting on the review a member belongs to (refused when that round is closed). */
    private Working workingFor(Member m, String what) {
        ExpertReview r = repo.get(m.reviewId());
        Decision d = access.visible(r.decisionId());
        Working w = working(d.number(), what);
        if (w.r().id() != r.id()) {
            throw new RuleViolation("EXPERT_REVIEW_CLOSED", "该专家属于已办结的一轮专家论证。");
        }
        return w;
    }

    Member member(long memberId) {
        long reviewId = repo.reviewOfMember(memberId).orElseThrow(() -> memberNotFound(memberId));
        return repo.get(reviewId).members().stream().filter(m -> m.id() == memberId).findFirst().orElseThrow();
    }

    static RuleViolation memberNotFound(Object id) {
        return RuleViolation.notFound("EXPERT_MEMBER_NOT_FOUND", "论证专家不存在：" + id);
    }

    // ---- delivery of materials (Art. 34) --------------------------------------------------------------

    /**
     * Records that the materials reached experts who accepted: on which day, which material versions (the draft and
     * its explanation at least), to whom. The research period (EXPERT_RESEARCH, generally at least 7 working days)
     * counts from the day after the latest delivery, not from the step's creation.
     */
    @Transactional
    public ExpertReview.Delivery recordDelivery(String number, LocalDate deliveredOn, List<Long> versionIds, List<Long> memberIds) {
        Working w = working(number, "向论证专家提供材料");
        ExpertReview r = w.r();
        LocalDate stepStart = w.step().createdAt().atZoneSameInstant(AppClock.ZONE).toLocalDate();
        if (deliveredOn == null || deliveredOn.isAfter(clock.today()) || deliveredOn.isBefore(stepStart)) {
            throw RuleViolation.badRequest("EXPERT_DELIVERY_DATE_INVALID", "送达日期应当在本环节开始之日（" + CN_DATE.format(stepStart) + "）至今天之间。");
        }
        List<Long> versions = versionIds == null ? List.of() : versionIds.stream().distinct().toList();
        Map<Long, MaterialType> typeOf = new LinkedHashMap<>();
        for (Material mat : materials.materials(w.d().id())) {
            for (MaterialVersion v : mat.versions()) {
                typeOf.put(v.id(), mat.type());
            }
        }
        if (versions.isEmpty() || !typeOf.keySet().containsAll(versions)) {
            throw RuleViolation.badRequest("EXPERT_DELIVERY_MATERIALS_INVALID", "请选择本决策事项案卷中送达专家的材料版本。");
        }
        Set<MaterialType> types = versions.stream().map(typeOf::get).collect(Collectors.toSet());
        if (!types.contains(MaterialType.DRAFT) || !types.contains(MaterialType.DRAFTING_EXPLANATION)) {
            throw new RuleViolation("EXPERT_DELIVERY_MATERIALS_INCOMPLETE", "提供论证所需的资料（第三十四条）应当包括《决策草案》和《起草说明》。");
        }
        List<Long> members = memberIds == null ? List.of() : memberIds.stream().distinct().toList();
        Set<Long> accepted = r.accepted().stream().map(Member::id).collect(Collectors.toSet());
        if (members.isEmpty() || !accepted.containsAll(members)) {
            throw new RuleViolation("EXPERT_DELIVERY_NOT_ACCEPTED", "论证材料送达已接受邀请的专家：请选择已接受邀请的专家（尚未接受的，接受后再送达）。");
        }
        long id = repo.insertDelivery(r.id(), deliveredOn, versions, members, w.actor().id(), clock.now());
        String cited = String.join("、", versions.stream().map(v -> materials.cite(w.d().id(), v)).toList());
        List<String> names = r.accepted().stream().filter(m -> members.contains(m.id())).map(m -> m.expert().name()).toList();
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "于" + CN_DATE.format(deliveredOn)
                + "向论证专家" + String.join("、", names) + "提供论证材料：" + cited + "（第三十四条）");
        LocalDate latest = repo.get(r.id()).lastDelivery();
        stepPeriods.restartFrom(w.d().id(), TASK, latest, "向论证专家提供论证材料");
        for (Member m : r.accepted()) {
            if (members.contains(m.id()) && m.expert().email() != null && m.invitation() != null && m.invitation().usable(clock.now())) {
                outbox.toAddress(w.d().id(), "EXPERT_MATERIALS", "expert-" + m.expert().id(), m.expert().email(),
                        "【论证材料已提供】" + w.d().title(),
                        m.expert().name() + "：\n\n“" + w.d().title() + "”的论证材料（" + cited + "）已于" + CN_DATE.format(deliveredOn)
                                + "提供，请通过论证链接查阅并提交论证意见。研究论证时间一般不少于7个工作日（第三十四条）。",
                        outbox.link("/public/experts/" + links.token(m.invitation().id(), m.invitation().expiresAt())));
            }
        }
        return repo.get(r.id()).deliveries().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    // ---- adoption, summary, feedback, publication (Art. 35) --------------------------------------------

    /** Art. 35: the lead unit decides the adoption of one opinion, with its reason (before the feedback is sent). */
    @Transactional
    public ExpertReview.Opinion decideAdoption(long opinionId, String adoption, String reason) {
        long memberId = repo.memberOfOpinion(opinionId).orElseThrow(() -> RuleViolation.notFound("EXPERT_OPINION_NOT_FOUND", "论证意见不存在：" + opinionId));
        Member m = member(memberId);
        Working w = workingFor(m, "研究采纳论证意见");
        if (w.r().feedbackSentAt() != null) {
            throw new RuleViolation("EXPERT_FEEDBACK_ALREADY_SENT", "已向专家反馈采纳情况，不能再修改。");
        }
        Adoption a;
        try {
            a = Adoption.valueOf(adoption == null ? "" : adoption.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("EXPERT_ADOPTION_REQUIRED", "请选择采纳情况：采纳（ADOPTED）、部分采纳（PARTLY）或不采纳（NOT_ADOPTED）（第三十五条）。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 1000) {
            throw RuleViolation.badRequest("EXPERT_ADOPTION_REASON_REQUIRED", "请写明采纳或不采纳的理由（不超过1000字，第三十五条）。");
        }
        repo.adoption(opinionId, a, why, w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "研究" + m.expert().name() + "的论证意见："
                + a.label() + "；理由：" + why + "（第三十五条）");
        return member(memberId).opinion();
    }

    /** Art. 35: the opinions summarised (汇总整理). */
    @Transactional
    public ExpertReview summarise(String number, String summary) {
        Working w = working(number, "汇总整理论证意见");
        String s = summary == null ? "" : summary.strip();
        if (s.length() < minReason || s.length() > MAX_TEXT) {
            throw RuleViolation.badRequest("EXPERT_SUMMARY_REQUIRED", "请汇总整理专家论证意见（不少于" + minReason + "字，不超过" + MAX_TEXT + "字，第三十五条）。");
        }
        repo.summary(w.r().id(), s, w.actor().id(), clock.now());
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "汇总整理专家论证意见（第三十五条）");
        return forViewer(w.d(), repo.get(w.r().id()));
    }

    /**
     * Art. 35: the adoption of each opinion reaches its expert, by mail through the outbox and on their link page.
     * Every expert who accepted has given an opinion, each opinion's adoption is decided, the summary is written.
     */
    @Transactional
    public ExpertReview sendFeedback(String number) {
        Working w = working(number, "向专家反馈论证意见采纳情况");
        ExpertReview r = w.r();
        if (r.feedbackSentAt() != null) {
            throw new RuleViolation("EXPERT_FEEDBACK_ALREADY_SENT", "已于" + r.feedbackSentAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日"))
                    + "向专家反馈采纳情况。");
        }
        opinionsMissing(r).ifPresent(msg -> {
            throw new RuleViolation("EXPERT_OPINION_MISSING", msg);
        });
        adoptionUndecided(r).ifPresent(msg -> {
            throw new RuleViolation("EXPERT_ADOPTION_UNDECIDED", msg);
        });
        if (r.summary() == null) {
            throw new RuleViolation("EXPERT_SUMMARY_MISSING", "请先汇总整理专家论证意见（第三十五条）。");
        }
        repo.feedbackSent(r.id(), w.actor().id(), clock.now());
        for (Member m : r.accepted()) {
            if (m.opinion() != null && m.expert().email() != null) {
                String link = m.invitation() != null && m.invitation().usable(clock.now())
                        ? outbox.link("/public/experts/" + links.token(m.invitation().id(), m.invitation().expiresAt())) : null;
                outbox.toAddress(w.d().id(), "EXPERT_FEEDBACK", "expert-" + m.expert().id(), m.expert().email(),
                        "【论证意见采纳情况】" + w.d().title(),
                        m.expert().name() + "：\n\n感谢您参加“" + w.d().title() + "”的专家论证。您的论证意见经研究："
                                + m.opinion().adoption().label() + "。\n理由：" + m.opinion().adoptionReason() + "\n\n（第三十五条：向专家反馈论证意见采纳情况）",
                        link);
            }
        }
        audit.record(w.actor(), w.d().id(), w.d().number(), AuditAction.EXPERT_REVIEW_RECORDED, "向" + r.accepted().size()
                + "名论证专家反馈论证意见采纳情况（第三十五条）");
        return forViewer(w.d(), repo.get(r.id()));
    }

    /** Art. 35: the lead unit decides to publish the experts' names and opinions (never their contacts) on the portal. */
    @Transactional
    public ExpertReview publish(String number) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "公开专家信息和论证意见", "第三十五条", Responsible.LEAD_UNIT);
        ExpertReview r = repo.latest(d.id()).orElseThrow(() -> new RuleViolation("EXPERT_REVIEW_NONE", "该事项尚未组织专家论证。"));
        if (r.feedbackSentAt() == null) {
            throw new RuleViolation("EXPERT_FEEDBACK_NOT_SENT", "请先向专家反馈论证意见采纳情况，再向社会公开（第三十五条）。");
        }
        if (r.publishedAt() != null) {
            throw new RuleViolation("EXPERT_ALREADY_PUBLISHED", "专家信息和论证意见已于" + r.publishedAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "公开。");
        }
        repo.published(r.id(), actor.id(), clock.now());
        audit.record(actor, d.id(), d.number(), AuditAction.EXPERT_REVIEW_RECORDED, "决定向社会公开论证专家信息和论证意见（第三十五条；不公开联系方式）");
        return forViewer(d, repo.get(r.id()));
    }

    /**
     * The 专家论证意见及采纳情况 (Art. 33-35) written from the records and stored as a new version of that material
     * (uploading one instead is equally possible).
     */
    @Transactional
    public MaterialVersion generateOpinionMaterial(String number) {
        Working w = working(number, "生成专家论证意见及采纳情况");
        ExpertReview r = w.r();
        adoptionUndecided(r).ifPresent(msg -> {
            throw new RuleViolation("EXPERT_ADOPTION_UNDECIDED", msg);
        });
        if (r.summary() == null || r.accepted().stream().noneMatch(m -> m.opinion() != null)) {
            throw new RuleViolation("EXPERT_SUMMARY_MISSING", "请先收齐论证意见并汇总整理（第三十五条）。");
        }
        StringBuilder t = new StringBuilder();
        t.append("专家论证意见及采纳情况\n\n");
        t.append("决策事项：").append(w.d().title()).append("（").append(w.d().number()).append("）\n");
        t.append("决策承办单位：").append(directory.unitName(w.d().leadUnit())).append("\n");
        t.append("论证方式：").append(r.form().label()).append("；涉及领域：").append(String.join("、", r.fields())).append("\n");
        if (r.lastDelivery() != null) {
            t.append("论证材料提供日期：").append(CN_DATE.format(r.lastDelivery())).append("\n");
        }
        t.append("参加论证的专家（").append(r.accepted().size()).append("人）：\n");
        for (Member m : r.accepted()) {
            t.append("  ").append(m.expert().name()).append("，").append(m.expert().organisation())
                    .append(m.expert().title() == null ? "" : "，" + m.expert().title()).append("，").append(m.expert().type().label()).append("\n");
        }
        t.append("\n一、论证意见汇总\n").append(r.summary()).append("\n\n二、各专家论证意见及采纳情况\n");
        int i = 0;
        for (Member m : r.accepted()) {
            ExpertReview.Opinion o = m.opinion();
            if (o == null) {
                continue;
            }
            t.append("\n（").append(++i).append("）").append(m.expert().name()).append("\n");
            t.append("必要性：").append(o.necessity()).append("\n");
            t.append("科学性：").append(o.soundness()).append("\n");
            t.append("出台时机和条件：").append(o.timing()).append("\n");
            t.append("负面影响及可控性：").append(o.negativeImpact()).append("\n");
            if (o.other() != null) {
                t.append("其他：").append(o.other()).append("\n");
            }
            t.append("采纳情况：").append(o.adoption().label()).append("；理由：").append(o.adoptionReason()).append("\n");
        }
        t.append("\n").append(directory.unitName(w.d().leadUnit())).append("\n").append(CN_DATE.format(clock.today())).append("\n");
        return materials.upload(w.d().number(), MaterialType.EXPERT_OPINION, null, "专家论证意见及采纳情况.txt", "text/plain;charset=UTF-8",
                t.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "根据专家论证记录生成（第" + r.round() + "轮）");
    }

    // ---- what the gates ask (Art. 31, 33-35), each empty when met -----------------------------------------

    Optional<String> arrangementMissing(ExpertReview r) {
        return r != null && r.arranged() ? Optional.empty()
                : Optional.of("请在决策事项的专家论证页面确定论证方式和涉及的专业领域，并抽取论证专家（第三十条、第三十一条）。");
    }

    /** The panel's composition now: the experts who accepted, against the constraints of Art. 31. */
    Optional<String> compositionProblems(Decision d, ExpertReview r) {
        if (r == null) {
            return Optional.of("尚未确定论证专家（第三十一条）。");
        }
        List<PanelDraw.Candidate> panel = r.accepted().stream().map(m -> m.expert().candidate()).toList();
        List<String> problems = new ArrayList<>(PanelDraw.check(panel, r.requiredSize(), new LinkedHashSet<>(r.fields())).stream()
                .map(PanelDraw.Problem::message).map(m -> r.belowMinimumSize() != null && m.startsWith("参加论证的专家")
                        ? m.replace("一般不少于" + r.requiredSize(), "经本单位负责人批准不少于" + r.requiredSize()) : m).toList());
        for (Member m : r.accepted()) {
            String c = conflict(m.expert(), d, r);
            if (c != null) {
                problems.add("不得选择与决策事项有直接利害关系的专家（第三十一条）：" + m.expert().name() + "，" + c);
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("专家组组成不符合第三十一条（以已接受邀请的专家计）：" + String.join("；", problems) + "。请补充抽取或说明理由手动增加专家。");
    }

    Optional<String> unanswered(ExpertReview r) {
        List<String> pending = r == null ? List.of() : r.members().stream()
                .filter(m -> m.status() == Status.SELECTED || m.status() == Status.INVITED).map(m -> m.expert().name()).toList();
        return pending.isEmpty() ? Optional.empty() : Optional.of("尚有专家未答复论证邀请：" + String.join("、", pending)
                + "。请待其答复，或撤回并补充抽取（第三十一条）。");
    }

    Optional<String> notDelivered(ExpertReview r) {
        List<String> without = r == null ? List.of() : r.accepted().stream().filter(m -> m.delivered().isEmpty()).map(m -> m.expert().name()).toList();
        if (r == null || r.accepted().isEmpty()) {
            return Optional.of("尚未向论证专家提供论证所需的资料（第三十四条）。");
        }
        return without.isEmpty() ? Optional.empty() : Optional.of("尚未向" + String.join("、", without) + "提供论证所需的资料（第三十四条）。请记录材料送达。");
    }

    Optional<String> opinionsMissing(ExpertReview r) {
        if (r == null || r.accepted().isEmpty()) {
            return Optional.of("尚无专家提交论证意见（第三十三条）。");
        }
        List<String> missing = r.accepted().stream().filter(m -> m.opinion() == null).map(m -> m.expert().name()).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("尚未提交论证意见的专家：" + String.join("、", missing)
                + "。每位接受邀请的专家都应当独立提出论证意见（第三十三条、第三十四条）。");
    }

    Optional<String> adoptionUndecided(ExpertReview r) {
        List<String> undecided = r == null ? List.of() : r.accepted().stream().filter(m -> m.opinion() != null && m.opinion().adoption() == null)
                .map(m -> m.expert().name()).toList();
        return undecided.isEmpty() ? Optional.empty() : Optional.of("尚未研究确定采纳情况的论证意见：" + String.join("、", undecided)
                + "（第三十五条：对专家论证意见研究论证，充分采纳合理意见）。");
    }

    Optional<String> feedbackMissing(ExpertReview r) {
        return r != null && r.feedbackSentAt() != null ? Optional.empty()
                : Optional.of("尚未向专家反馈论证意见采纳情况（第三十五条）。请汇总整理意见后在专家论证页面“反馈采纳情况”。");
    }

    // ---- the portal and supervision -----------------------------------------------------------------

    /** What the portal shows of a decision's expert review (Art. 35): held when, and if published, who said what. */
    public record PublicReview(String form, LocalDate materialsOn, LocalDate completedOn, int experts,
                               List<PublicOpinion> opinions) {
    }

    /** An expert's name, organisation, title, type and opinion as published (never their contacts). */
    public record PublicOpinion(String name, String organisation, String title, String type, String necessity, String soundness,
                                String timing, String negativeImpact, String other, String adoption, String adoptionReason) {
    }

    /** The newest closed review of the decision, for the portal; opinions only when the lead unit decided to publish. */
    public Optional<PublicReview> publicReview(long decisionId) {
        var closes = closeFacts.of(decisionId);
        if (closes.isEmpty()) {
            return Optional.empty();
        }
        ExpertReviewClose close = closes.get(closes.size() - 1);
        ExpertReview r = close.reviewId() == null ? null : repo.get(close.reviewId());
        if (r == null) {
            return Optional.empty();
        }
        List<PublicOpinion> ops = r.publishedAt() == null ? List.of() : r.accepted().stream().filter(m -> m.opinion() != null)
                .map(m -> new PublicOpinion(m.expert().name(), m.expert().organisation(), m.expert().title(), m.expert().type().label(),
                        m.opinion().necessity(), m.opinion().soundness(), m.opinion().timing(), m.opinion().negativeImpact(),
                        m.opinion().other(), m.opinion().adoption() == null ? null : m.opinion().adoption().label(), m.opinion().adoptionReason()))
                .toList();
        return Optional.of(new PublicReview(r.form() == null ? null : r.form().label(), r.lastDelivery(),
                close.step().actedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate(), close.panelSize(), ops));
    }

    /** A panel smaller than the "一般" minimum (DECISIONS.md 12), for supervision. */
    public record Deviation(long decisionId, String what, String article, String reason, String approvedBy, OffsetDateTime approvedAt) {
    }

    /** The scope's panels approved below the minimum (issue 17: only the scope's reviews are read). */
    public List<Deviation> deviations(cn.juece.decision.DecisionScope scope) {
        return repo.belowMinimum(scope).stream().map(r -> new Deviation(r.decisionId(), "论证专家少于" + r.minimum() + "人（经批准" + r.belowMinimumSize() + "人）",
                "第三十一条", r.belowMinimumReason(), r.belowMinimumBy(), r.belowMinimumAt())).toList();
    }

    // ---- the fact written when the step closes (DECISIONS.md 25) --------------------------------------

    /** The close of expert-conduct: the review, the panel that took part, the opinions, their adoption, the material. */
    public record ExpertReviewClose(long id, long decisionId, StepFact step, Long reviewId, int panelSize,
                                    int opinions, int adopted, int partlyAdopted, int notAdopted, Long opinionVersionId) {
    }

    void recordClose(StepCompletion step) {
        ExpertReview r = repo.ofRound(step.decision().id(), step.round()).orElse(null);
        List<ExpertReview.Opinion> ops = r == null ? List.of() : r.accepted().stream().map(Member::opinion).filter(java.util.Objects::nonNull).toList();
        closeFacts.insert(step, r == null ? null : r.id(), r == null ? 0 : r.accepted().size(), ops.size(),
                (int) ops.stream().filter(o -> o.adoption() == Adoption.ADOPTED).count(),
                (int) ops.stream().filter(o -> o.adoption() == Adoption.PARTLY).count(),
                (int) ops.stream().filter(o -> o.adoption() == Adoption.NOT_ADOPTED).count(),
                materials.latest(step.decision().id(), MaterialType.EXPERT_OPINION).map(MaterialVersion::id).orElse(null));
    }

    /**
     * The facts of expert review on the dossier (DECISIONS.md 25), from its rows: each draw with its seed, each delivery
     * of materials, the feedback, the publication, and the close of each round with its counts.
     */
    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        int stage = cn.juece.decision.Stage.EXPERT.number();
        for (ExpertReview r : repo.ofDecision(d.id())) {
            for (ExpertReview.Draw x : r.draws()) {
                List<String> names = r.members().stream().filter(m -> m.drawId() != null && m.drawId() == x.id()).map(m -> m.expert().name()).toList();
                facts.add(new DossierFact("EXPERT_DRAW", x.kind().equals("PANEL") ? "抽取论证专家" : "补充抽取论证专家", "第三十一条", stage, TASK, null,
                        r.round(), x.outcome(), x.drawn() ? "已抽取" : "未成功", null,
                        (x.drawn() ? "抽中" + String.join("、", names) : x.problem()) + "；种子 " + x.seed() + "；候选" + x.candidates().size() + "人",
                        DossierFact.map("drawId", x.id(), "seed", x.seed(), "chosen", x.chosen()), x.drawnBy(), null, null, null, x.drawnAt()));
            }
            for (ExpertReview.Delivery x : r.deliveries()) {
                facts.add(new DossierFact("EXPERT_MATERIALS_DELIVERED", "向论证专家提供论证材料", "第三十四条", stage, TASK, null, r.round(),
                        null, null, null, CN_DATE.format(x.deliveredOn()) + "提供" + String.join("、", x.versionIds().stream()
                                .map(v -> materials.cite(d.id(), v)).toList()) + "，专家" + x.memberIds().size() + "人",
                        DossierFact.map("deliveredOn", x.deliveredOn().toString(), "versionIds", x.versionIds(), "memberIds", x.memberIds()),
                        x.recordedBy(), null, null, null, x.recordedAt()));
            }
            if (r.feedbackSentAt() != null) {
                facts.add(new DossierFact("EXPERT_FEEDBACK", "向专家反馈论证意见采纳情况", "第三十五条", stage, TASK, null, r.round(), null, null,
                        null, "反馈" + r.accepted().size() + "名专家", DossierFact.map("reviewId", r.id()), r.feedbackSentBy(), null, null, null,
                        r.feedbackSentAt()));
            }
            if (r.publishedAt() != null) {
                facts.add(new DossierFact("EXPERT_PUBLISHED", "公开专家信息和论证意见", "第三十五条", stage, TASK, null, r.round(), null, null,
                        null, "在门户网站公开（不含联系方式）", DossierFact.map("reviewId", r.id()), r.publishedBy(), null, null, null, r.publishedAt()));
            }
        }
        for (ExpertReviewClose c : closeFacts.of(d.id())) {
            facts.add(DossierFact.of("EXPERT_REVIEW", "专家论证", "第三十条至第三十五条", stage, c.step(), "论证专家" + c.panelSize() + "人，论证意见"
                    + c.opinions() + "条（采纳" + c.adopted() + "、部分采纳" + c.partlyAdopted() + "、不采纳" + c.notAdopted() + "）"
                    + (c.opinionVersionId() == null ? "" : "；" + materials.cite(d.id(), c.opinionVersionId())),
                    "reviewId", c.reviewId(), "panelSize", c.panelSize(), "opinions", c.opinions(), "opinionVersionId", c.opinionVersionId()));
        }
        return facts;
    }

}

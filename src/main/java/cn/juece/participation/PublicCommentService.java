package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.AppClock;
import cn.juece.support.GroupCommit;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.TaskActions;

/**
 * Public comment (公开征求意见): the notice with its window (Art. 20), every opinion kept and counted,
 * opposing ones included (Art. 28), moderation before display (DECISIONS.md 17), and the adoption answered
 * per opinion or per cluster and published (Art. 18, 29). Intake writes a row and its audit entry and never
 * touches the process instance.
 */
@Service
public class PublicCommentService {

    static final String PERIOD = "COMMENT_WINDOW";
    static final int MAX_CONTENT = 4000;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ConsultationRepository repository;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final TaskActions tasks;
    private final Directory directory;
    private final AuditTrail audit;
    private final Periods periods;
    private final AppClock clock;
    private final ReceiptNumbers receipts;
    private final boolean moderatedByDefault;

    private final LeadUnitCheck leadUnit;
    private final OpinionWriter writer;
    private final GroupCommit<OpinionWriter.Received, Opinion> intake;
    private final TransactionTemplate transactions;
    private final CommentWindow window;
    private final org.springframework.util.unit.DataSize maxAttachment;

    PublicCommentService(ConsultationRepository repository, DecisionService decisions, MaterialService materials,
                         TaskActions tasks, Directory directory, AuditTrail audit, Periods periods, AppClock clock,
                         ReceiptNumbers receipts, LeadUnitCheck leadUnit, OpinionWriter writer,
                         GroupCommit<OpinionWriter.Received, Opinion> intake, PlatformTransactionManager transactionManager,
                         CommentWindow window,
                         @Value("${juece.participation.attachment-max-size:10MB}") org.springframework.util.unit.DataSize maxAttachment,
                         @Value("${juece.participation.moderation:true}") boolean moderatedByDefault) {
        this.leadUnit = leadUnit;
        this.writer = writer;
        this.intake = intake;
        this.transactions = new TransactionTemplate(transactionManager);
        this.window = window;
        this.maxAttachment = maxAttachment;
        this.repository = repository;
        this.decisions = decisions;
        this.materials = materials;
        this.tasks = tasks;
        this.directory = directory;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
        this.receipts = receipts;
        this.moderatedByDefault = moderatedByDefault;
    }

    public record Notice(String title, String noticeText, List<String> channels, LocalDate opensOn, LocalDate closesOn,
                         String shortenedReason, Boolean moderated) {
    }

    public record Submission(String authorName, String contact, Boolean quotable, String content, OpinionChannel channel,
                             LocalDate postmarkDate) {
    }

    /** Publishes a comment notice for the draft (Art. 20): generally at least 30 days. */
    @Transactional
    public Consultation publish(String decisionNumber, Notice n) {
        Decision d = decisions.get(decisionNumber);
        Actor actor = directory.currentActor();
        leadUnit.require(d, "公众参与", "第十七条");
        boolean running = tasks.openTasks(d).stream().anyMatch(t -> t.taskKey().equals("participation-conduct"));
        if (!running) {
            throw new RuleViolation("PARTICIPATION_NOT_RUNNING",
                    "该事项当前不在公众参与阶段，不能发布征求意见公告（第十七条）。");
        }
        if (repository.ofDecision(d.id()).stream().anyMatch(c -> effectiveStatus(c) == ConsultationStatus.OPEN)) {
            throw new RuleViolation("CONSULTATION_ALREADY_OPEN", "该事项已有正在进行的公开征求意见，截止后才能发布新的公告。");
        }
        if (!materials.latest(d.id(), MaterialType.DRAFT).isPresent() || !materials.latest(d.id(), MaterialType.DRAFTING_EXPLANATION).isPresent()) {
            throw new RuleViolation("CONSULTATION_DRAFT_MISSING",
                    "向社会公开征求意见应当公布决策草案及其说明（第二十条）。请先在决策案卷中上传《决策草案》和《起草说明》。");
        }
        String title = blankToNull(n.title()) == null ? "关于《" + d.title() + "》公开征求意见的公告" : n.title().strip();
        if (blankToNull(n.noticeText()) == null) {
            throw RuleViolation.badRequest("NOTICE_TEXT_REQUIRED", "请填写公告内容：提出意见的方式和期限等（第二十条）。");
        }
        List<String> channels = n.channels() == null ? List.of() : n.channels().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (channels.isEmpty()) {
            throw RuleViolation.badRequest("CHANNELS_REQUIRED",
                    "请写明除政府网站外公告所用的途径：政务新媒体以及报刊、广播、电视等（第二十条）。");
        }
        LocalDate today = clock.today();
        LocalDate opensOn = n.opensOn() == null ? today : n.opensOn();
        if (opensOn.isBefore(today)) {
            throw RuleViolation.badRequest("WINDOW_IN_THE_PAST", "征求意见的开始日期不能早于今天。");
        }
        if (n.closesOn() == null || !n.closesOn().isAfter(opensOn)) {
            throw RuleViolation.badRequest("WINDOW_INVALID", "请填写截止日期，且应晚于开始日期。");
        }
        // counted on the decision's organ's calendar (issue 15, Art. 64): a last day on its local rest day moves on
        LocalDate minimum = periods.forOrgan(d.organCode()).end(PERIOD, opensOn);
        String reason = blankToNull(n.shortenedReason());
        String approvedBy = null;
        if (n.closesOn().isBefore(minimum)) {
            boolean head = actor.groups().contains(Groups.unitHead(d.leadUnit()));
            if (reason == null || !head) {
                throw new RuleViolation("COMMENT_WINDOW_TOO_SHORT",
                        "公开征求意见期限一般不少于30日（第二十条），本次最早截止于" + CHINESE_DATE.format(minimum)
                                + "。如需缩短，请说明紧急情形，经本单位负责人批准后随公告一并公布。");
            }
            approvedBy = actor.id();
        }
        var now = clock.now();
        long id = repository.insert(d.id(), title, n.noticeText().strip(), String.join("、", channels), opensOn, n.closesOn(),
                reason, approvedBy, n.moderated() == null ? moderatedByDefault : n.moderated(), actor.id(), now);
        audit.record(actor, d.id(), d.number(), AuditAction.CONSULTATION_PUBLISHED,
                "发布" + title + "，征求意见期限自" + CHINESE_DATE.format(opensOn) + "至" + CHINESE_DATE.format(n.closesOn())
                        + "24时，途径：政府网站、" + String.join("、", channels)
                        + (reason == null ? "" : "；缩短期限的理由：" + reason + "（经" + actor.name() + "批准）") + "（第二十条）");
        if (reason == null) {
            // issue 16: a minimum counted over a year without a holiday notice is provisional; the window may then be
            // extended when the notice is loaded, never shortened (ProvisionalWindows)
            LocalDate last = n.closesOn().isAfter(minimum) ? n.closesOn() : minimum;
            var years = periods.calendar().provisionalYears(opensOn, last);
            if (!years.isEmpty()) {
                repository.provisional(id, years.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        }
        window.opened(d); // the window's timer on the participation map, in this transaction
        return repository.find(id).orElseThrow();
    }

    /**
     * Receives an opinion: from the portal during the window (through 23:59:59 of the last day), or entered by
     * staff with its channel; a letter posted on or before the deadline counts (DECISIONS.md 17).
     */
    public Opinion submit(long consultationId, Submission s, boolean enteredByStaff) {
        return submit(consultationId, s, enteredByStaff, null, null);
    }

    /** As above, with a file attached on the portal (PDF, JPEG or PNG up to the limit); null when none. */
    public Opinion submit(long consultationId, Submission s, boolean enteredByStaff, String fileName, byte[] file) {
        return submit(consultationId, s, enteredByStaff, fileName, file, null);
    }

    /**
     * As above, from the portal's form with its key ({@link cn.juece.portal.FormOnce}): the opinion and the key's
     * row are committed together; the same form sent again is answered with the opinion stored first.
     */
    public Opinion submit(long consultationId, Submission s, boolean enteredByStaff, String fileName, byte[] file,
                          cn.juece.portal.FormOnce.Key formKey) {
        if (enteredByStaff || file != null && file.length > 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
            // staff entries, comments with a file (kept out of the intake's queue: bounded memory), and callers
            // that hold a transaction already (the demo seeder): written in a transaction of their own, or theirs
            return transactions.execute(status -> writer.write(check(consultationId, s, enteredByStaff, fileName, file, formKey)));
        }
        // the public's opinions: checked here, committed in groups; the receipt comes after the commit, and
        // no connection is held while waiting for it
        return intake.submit(check(consultationId, s, false, null, null, formKey));
    }

    /** The opinion with this stored receipt (the first one of a form sent twice). */
    public Opinion opinionByReceipt(String receipt) {
        return repository.opinionByReceipt(receipt).orElseThrow();
    }

    private OpinionWriter.Received check(long consultationId, Submission s, boolean enteredByStaff, String fileName, byte[] file,
                                         cn.juece.portal.FormOnce.Key formKey) {
        Consultation c;
        String decisionNumber;
        if (enteredByStaff) {
            c = consultation(consultationId);
            Decision d = decisions.get(c.decisionId());
            leadUnit.require(d, "公众参与", "第十七条");
            decisionNumber = d.number();
        } else {
            // the public's comments: one joined read, reused for a second (ConsultationRepository.intakeTarget)
            var target = repository.intakeTarget(consultationId)
                    .orElseThrow(() -> consultationNotFound(consultationId));
            c = target.consultation();
            decisionNumber = target.decisionNumber();
        }
        String content = s.content() == null ? "" : s.content().strip();
        if (content.isEmpty()) {
            throw RuleViolation.badRequest("OPINION_EMPTY", "请填写意见内容。");
        }
        if (content.length() > MAX_CONTENT) {
            throw RuleViolation.badRequest("OPINION_TOO_LONG", "意见内容不超过" + MAX_CONTENT + "字；更长的材料请通过信函或电子邮件提交。");
        }
        String name = blankToNull(s.authorName());
        String contact = blankToNull(s.contact());
        if (name != null && name.length() > 64 || contact != null && contact.length() > 200) {
            throw RuleViolation.badRequest("OPINION_FIELD_TOO_LONG", "姓名不超过64字，联系方式不超过200字。");
        }
        OpinionChannel channel = enteredByStaff ? Objects.requireNonNullElse(s.channel(), OpinionChannel.LETTER) : OpinionChannel.PORTAL;
        Actor actor = enteredByStaff ? directory.currentActor() : new Actor("public", "社会公众", null, null, "社会公众", List.of());
        OffsetDateTime now = clock.now();
        if (now.toLocalDate().isBefore(c.opensOn())) {
            throw new RuleViolation("COMMENT_WINDOW_NOT_OPEN", "征求意见自" + CHINESE_DATE.format(c.opensOn()) + "开始，请届时提出意见。");
        }
        boolean inWindow = !now.isAfter(Periods.endOfDay(c.closesOn()).toOffsetDateTime());
        boolean postedInTime = enteredByStaff && channel == OpinionChannel.LETTER && s.postmarkDate() != null
                && !s.postmarkDate().isAfter(c.closesOn());
        if (!inWindow && !postedInTime) {
            throw new RuleViolation("COMMENT_WINDOW_CLOSED", "本次征求意见已于" + CHINESE_DATE.format(c.closesOn())
                    + "24时截止，不再接收意见（第二十条）。感谢您的关注。");
        }
        String hash = cn.juece.support.Hashes.sha256(WHITESPACE.matcher(content).replaceAll(""));
        CommentAttachment attachment = CommentAttachment.check(fileName, file, maxAttachment.toBytes());
        return new OpinionWriter.Received(c, decisionNumber, receipts.next(), channel, name, contact,
                Boolean.TRUE.equals(s.quotable()), content, hash, s.postmarkDate(), now, actor, enteredByStaff, attachment,
                formKey);
    }

    /** Shows an opinion on the portal, or keeps it from display with a reason; it stays in the dossier and counts. */
    @Transactional
    public Opinion moderate(long opinionId, boolean publish, String reason) {
        Opinion o = opinion(opinionId);
        Consultation c = consultation(o.consultationId());
        Decision d = decisions.get(c.decisionId());
        leadUnit.require(d, "公众参与", "第十七条");
        if (!publish && blankToNull(reason) == null) {
            throw RuleViolation.badRequest("MODERATION_REASON_REQUIRED", "不予公开显示的，请写明理由（如含有辱骂、违法内容）。意见仍保留在案卷中并计入统计。");
        }
        repository.moderate(opinionId, publish ? Opinion.Moderation.PUBLISHED : Opinion.Moderation.HIDDEN, blankToNull(reason));
        audit.record(d.id(), d.number(), AuditAction.OPINION_MODERATED,
                "意见 " + o.receiptDisplay() + (publish ? "审核通过，公开显示" : "不予公开显示，理由：" + reason.strip()));
        return repository.opinion(opinionId).orElseThrow();
    }

    /** Groups opinions to be answered together. */
    @Transactional
    public ConsultationRepository.Cluster cluster(long consultationId, String title, List<Long> opinionIds) {
        Consultation c = consultation(consultationId);
        Decision d = decisions.get(c.decisionId());
        Actor actor = directory.currentActor();
        leadUnit.require(d, "公众参与", "第十七条");
        if (blankToNull(title) == null || opinionIds == null || opinionIds.isEmpty()) {
            throw RuleViolation.badRequest("CLUSTER_INVALID", "请填写归类名称并选择意见。");
        }
        long id = repository.insertCluster(consultationId, title.strip(), actor.id(), clock.now());
        for (Long oid : opinionIds) {
            if (opinion(oid).consultationId() != consultationId) {
                throw RuleViolation.badRequest("CLUSTER_INVALID", "只能归类本次征求意见收到的意见。");
            }
            repository.assign(oid, id);
        }
        return repository.cluster(id).orElseThrow();
    }

    /**
     * Campaign detection: groups opinions not yet grouped whose texts are near-identical (character-bigram
     * Jaccard similarity at least {@code threshold}, whitespace and punctuation ignored) into clusters, to be
     * answered together. Each opinion stays in the dossier and in the counts. Quadratic in the opinions not yet
     * grouped; identical ones are already marked at intake.
     */
    @Transactional
    public List<ConsultationRepository.Cluster> clusterSimilar(long consultationId, double threshold) {
        Consultation c = consultation(consultationId);
        Decision d = decisions.get(c.decisionId());
        var actor = leadUnit.require(d, "公众参与", "第十七条");
        if (threshold < 0.5 || threshold > 1.0) {
            throw RuleViolation.badRequest("SIMILARITY_INVALID", "相似度阈值应在0.5至1之间。");
        }
        List<Opinion> open = repository.opinions(consultationId).stream().filter(o -> o.clusterId() == null).toList();
        List<java.util.Set<String>> grams = open.stream().map(o -> bigrams(o.content())).toList();
        boolean[] taken = new boolean[open.size()];
        List<ConsultationRepository.Cluster> made = new java.util.ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            if (taken[i]) {
                continue;
            }
            List<Integer> group = new java.util.ArrayList<>(List.of(i));
            for (int j = i + 1; j < open.size(); j++) {
                if (!taken[j] && jaccard(grams.get(i), grams.get(j)) >= threshold) {
                    group.add(j);
                }
            }
            if (group.size() < 2) {
                continue;
            }
            group.forEach(k -> taken[k] = true);
            String head = open.get(i).content().strip();
            String title = "相似意见（" + group.size() + "条）：" + (head.length() > 20 ? head.substring(0, 20) + "…" : head);
            long clusterId = repository.insertCluster(consultationId, title, actor.id(), clock.now());
            group.forEach(k -> repository.assign(open.get(k).id(), clusterId));
            made.add(repository.cluster(clusterId).orElseThrow());
        }
        audit.record(actor, d.id(), d.number(), AuditAction.OPINION_ANSWERED,
                "归并相似意见：形成" + made.size() + "个归类（相似度不低于" + threshold + "）");
        return made;
    }

    static java.util.Set<String> bigrams(String text) {
        String t = text.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}，。、；：！？“”‘’（）《》【】…—]", "");
        java.util.Set<String> result = new java.util.HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            result.add(t.substring(i, i + 2));
        }
        if (result.isEmpty() && !t.isEmpty()) {
            result.add(t);
        }
        return result;
    }

    static double jaccard(java.util.Set<String> a, java.util.Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** Answers one opinion (Art. 29). */
    @Transactional
    public Opinion answer(long opinionId, Adoption adoption, String reason) {
        Opinion o = opinion(opinionId);
        Decision d = answerable(o.consultationId(), adoption, reason);
        repository.adoptOpinion(opinionId, adoption, blankToNull(reason));
        audit.record(d.id(), d.number(), AuditAction.OPINION_ANSWERED, "意见 " + o.receiptDisplay() + "：" + adoption.label()
                + (blankToNull(reason) == null ? "" : "，理由：" + reason.strip()));
        return repository.opinion(opinionId).orElseThrow();
    }

    /** Answers a cluster: every opinion in it gets that answer unless it has its own. */
    @Transactional
    public ConsultationRepository.Cluster answerCluster(long clusterId, Adoption adoption, String reason) {
        var cl = repository.cluster(clusterId)
                .orElseThrow(() -> RuleViolation.notFound("CLUSTER_NOT_FOUND", "意见归类不存在：" + clusterId));
        Decision d = answerable(cl.consultationId(), adoption, reason);
        repository.adoptCluster(clusterId, adoption, blankToNull(reason));
        audit.record(d.id(), d.number(), AuditAction.OPINION_ANSWERED, "意见归类“" + cl.title() + "”：" + adoption.label()
                + (blankToNull(reason) == null ? "" : "，理由：" + reason.strip()));
        return repository.cluster(clusterId).orElseThrow();
    }

    private Decision answerable(long consultationId, Adoption adoption, String reason) {
        Consultation c = consultation(consultationId);
        Decision d = decisions.get(c.decisionId());
        leadUnit.require(d, "公众参与", "第十七条");
        if (adoption == null) {
            throw RuleViolation.badRequest("ADOPTION_REQUIRED", "请选择采纳、部分采纳或不采纳。");
        }
        if (adoption != Adoption.ADOPTED && blankToNull(reason) == null) {
            throw RuleViolation.badRequest("ADOPTION_REASON_REQUIRED", "部分采纳或不采纳的，应当说明理由（第二十九条）。");
        }
        if (c.status() == ConsultationStatus.FEEDBACK_PUBLISHED) {
            throw new RuleViolation("FEEDBACK_ALREADY_PUBLISHED", "意见采纳情况已经公布，不能再修改答复。");
        }
        return d;
    }

    /** Publishes the adoption feedback once the window has closed and every opinion is answered (Art. 18, 29). */
    @Transactional
    public Consultation publishFeedback(long consultationId, String summary) {
        Consultation c = consultation(consultationId);
        Decision d = decisions.get(c.decisionId());
        leadUnit.require(d, "公众参与", "第十七条");
        if (effectiveStatus(c) == ConsultationStatus.OPEN) {
            throw new RuleViolation("COMMENT_WINDOW_NOT_CLOSED", "征求意见期限尚未届满（" + CHINESE_DATE.format(c.closesOn())
                    + "24时截止），截止后才能公布意见采纳情况。");
        }
        long unanswered = unanswered(c).size();
        if (unanswered > 0) {
            throw new RuleViolation("FEEDBACK_INCOMPLETE", "尚有" + unanswered + "条意见未答复。每一条意见都应当研究并答复采纳情况，包括反对意见（第二十八条、第二十九条）。");
        }
        if (blankToNull(summary) == null) {
            throw RuleViolation.badRequest("FEEDBACK_SUMMARY_REQUIRED", "请填写意见采纳情况的总体说明。");
        }
        repository.publishFeedback(consultationId, summary.strip(), clock.now());
        audit.record(d.id(), d.number(), AuditAction.FEEDBACK_PUBLISHED,
                "公布" + c.title() + "的意见采纳情况（共" + repository.opinions(consultationId).size() + "条意见，第十八条、第二十九条）");
        return repository.find(consultationId).orElseThrow();
    }

    public List<Opinion> unanswered(Consultation c) {
        Map<Long, ConsultationRepository.Cluster> clusters = repository.clusters(c.id()).stream()
                .collect(Collectors.toMap(ConsultationRepository.Cluster::id, Function.identity()));
        return repository.opinions(c.id()).stream()
                .filter(o -> o.adoption() == null && (o.clusterId() == null || clusters.get(o.clusterId()).adoption() == null))
                .toList();
    }

    public ConsultationStatus effectiveStatus(Consultation c) {
        if (c.status() == ConsultationStatus.OPEN && clock.now().isAfter(Periods.endOfDay(c.closesOn()).toOffsetDateTime())) {
            return ConsultationStatus.CLOSED;
        }
        return c.status();
    }

    public Consultation consultation(long id) {
        return repository.find(id).orElseThrow(() -> consultationNotFound(id));
    }

    private static RuleViolation consultationNotFound(long id) {
        return RuleViolation.notFound("CONSULTATION_NOT_FOUND", "征求意见不存在：" + id);
    }

    /** Every opinion with its answer, for the dossier and the office that prints it (staff only: contacts included). */
    public byte[] exportCsv(long consultationId) {
        Consultation c = consultation(consultationId);
        var clusters = repository.clusters(c.id()).stream()
                .collect(java.util.stream.Collectors.toMap(ConsultationRepository.Cluster::id, ConsultationRepository.Cluster::title));
        var csv = new cn.juece.support.Csv(List.of("回执号", "途径", "提交时间", "邮戳日期", "提出人", "联系方式", "同意公开姓名", "意见内容",
                "附件", "显示", "与较早意见相同", "归类", "采纳情况"));
        Map<Long, String> attachments = repository.attachmentNames(c.id());
        for (Opinion o : repository.opinions(c.id())) {
            csv.row(java.util.Arrays.asList(o.receiptDisplay(), o.channel().label(),
                    o.submittedAt().toLocalDateTime().toString().replace('T', ' ').substring(0, 16),
                    o.postmarkDate() == null ? "" : o.postmarkDate().toString(), o.authorName(), o.contact(),
                    o.quotable() ? "是" : "否", o.content(), attachments.getOrDefault(o.id(), ""),
                    switch (o.moderation()) { case PENDING -> "待审核"; case PUBLISHED -> "公开"; case HIDDEN -> "不予显示：" + o.moderationReason(); },
                    o.sameAs() == null ? "" : "是", o.clusterId() == null ? "" : clusters.get(o.clusterId()), answerOf(o)));
        }
        return csv.bytes();
    }

    /** The portal's list: the newest consultations first. */
    public List<Consultation> recent() {
        return repository.all(200);
    }

    /** The answer an opinion got: its own, or its cluster's; null until answered. */
    public String answerOf(Opinion o) {
        if (o.adoption() != null) {
            return o.adoption().label() + (o.adoptionReason() == null ? "" : "：" + o.adoptionReason());
        }
        var cl = o.clusterId() == null ? null : repository.cluster(o.clusterId()).orElse(null);
        return cl == null || cl.adoption() == null ? null
                : cl.adoption().label() + (cl.adoptionReason() == null ? "" : "：" + cl.adoptionReason());
    }

    public List<Consultation> ofDecision(long decisionId) {
        return repository.ofDecision(decisionId);
    }

    public List<Opinion> opinions(long consultationId) {
        return repository.opinions(consultationId);
    }

    /** One page of a consultation's opinions in the order received (issue 17); the published ones only for the public. */
    public cn.juece.support.Page<Opinion> opinions(long consultationId, boolean publishedOnly, int page, int size) {
        long total = repository.countOpinions(consultationId, publishedOnly);
        return new cn.juece.support.Page<>((long) page * size >= total ? List.of()
                : repository.opinions(consultationId, publishedOnly, page * size, size), total, page, size);
    }

    public long countOpinions(long consultationId) {
        return repository.countOpinions(consultationId, false);
    }

    /** Opinions still without an answer of their own or of their group (Art. 29). */
    public long countUnanswered(long consultationId) {
        return repository.countUnanswered(consultationId);
    }

    /** Opinions by the answer they got (Art. 29), for the published feedback. */
    public Map<Adoption, Long> adoptionCounts(long consultationId) {
        return repository.adoptionCounts(consultationId);
    }

    /** One page of the portal's consultations, newest first (issue 17). */
    public cn.juece.support.Page<Consultation> recent(int page, int size) {
        long total = repository.count();
        return new cn.juece.support.Page<>((long) page * size >= total ? List.of() : repository.page(page * size, size), total, page, size);
    }

    /** One page of the consultations on one organ's decisions, or on every organ's (null), newest first (Art. 64). */
    public cn.juece.support.Page<Consultation> recent(String organCode, int page, int size) {
        if (organCode == null) {
            return recent(page, size);
        }
        long total = repository.count(organCode);
        return new cn.juece.support.Page<>((long) page * size >= total ? List.of() : repository.page(organCode, page * size, size), total, page, size);
    }

    public List<ConsultationRepository.Cluster> clusters(long consultationId) {
        return repository.clusters(consultationId);
    }

    /**
     * What the person with a receipt may see: their own text and when it was received, the status, and the answer once
     * published. Never contact details (their own included: a receipt may be shared).
     */
    public Map<String, Object> lookup(String receipt) {
        Opinion o = ReceiptNumbers.normalise(receipt).flatMap(repository::opinionByReceipt)
                .orElseThrow(() -> RuleViolation.notFound("RECEIPT_NOT_FOUND", "未找到该回执号对应的意见，请核对回执号。"));
        Consultation c = consultation(o.consultationId());
        var cluster = o.clusterId() == null ? null : repository.cluster(o.clusterId()).orElse(null);
        Adoption adoption = o.adoption() != null ? o.adoption() : cluster == null ? null : cluster.adoption();
        String reason = o.adoption() != null ? o.adoptionReason() : cluster == null ? null : cluster.adoptionReason();
        boolean published = c.status() == ConsultationStatus.FEEDBACK_PUBLISHED;
        String attached = repository.attachment(o.id()).map(a -> a.fileName() + "（已收到）").orElse("无");
        return Map.of("receipt", o.receiptDisplay(), "consultation", c.title(), "status", effectiveStatus(c).label(),
                "submittedAt", o.submittedAt(), "content", o.content(), "attachment", attached,
                "display", switch (o.moderation()) { case PENDING -> "待审核"; case PUBLISHED -> "已公开显示"; case HIDDEN -> "不予公开显示（意见已记录并计入统计）"; },
                "answer", published && adoption != null ? adoption.label() + (reason == null ? "" : "：" + reason) : "尚未公布采纳情况");
    }


    /** The file attached to an opinion, for staff. */
    public CommentAttachment attachment(long opinionId) {
        opinion(opinionId);
        return repository.attachment(opinionId)
                .orElseThrow(() -> RuleViolation.notFound("ATTACHMENT_NOT_FOUND", "该意见没有附件。"));
    }

    private Opinion opinion(long id) {
        return repository.opinion(id).orElseThrow(() -> RuleViolation.notFound("OPINION_NOT_FOUND", "意见不存在：" + id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

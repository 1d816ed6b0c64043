package cn.juece.decision;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Directory;
import cn.juece.identity.OrgUnit;
import cn.juece.identity.UnitKind;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Decision matters: registering one starts its process instance (business key = decision number) in
 * the same transaction as the dossier row and the audit entry.
 */
@Service("decisionMatters")
public class DecisionService {

    public static final String LIFECYCLE_PROCESS = "decision-lifecycle";

    private final DecisionRepository decisions;
    private final DecisionNumbers numbers;
    private final Directory directory;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final AppClock clock;
    private final String defaultOrgan;
    private final ObjectProvider<DecisionAccess> access;

    DecisionService(ObjectProvider<DecisionAccess> access, DecisionRepository decisions, DecisionNumbers numbers, Directory directory, AuditTrail audit,
                    RuntimeService runtimeService, AppClock clock, @Value("${juece.default-organ}") String defaultOrgan) {
        this.access = access;
        this.decisions = decisions;
        this.numbers = numbers;
        this.directory = directory;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.defaultOrgan = defaultOrgan;
    }

    public String defaultOrgan() {
        return defaultOrgan;
    }

    /** Registers a proposal as a decision matter (Art. 11) and starts its procedure. */
    @Transactional
    public Decision create(NewDecision request) {
        var actor = directory.currentActor();
        String organ = organOf(actor, request);
        validate(organ, request);
        var now = clock.now();
        String number = numbers.next(organ, directory.organ(organ).prefix(), now.getYear());
        long id = decisions.insert(number, organ, request, actor.id(), now);
        String channel = channelOf(request);
        if (channel != null) {
            decisions.setSourceChannel(id, channel);
        }
        audit.record(actor, id, number, AuditAction.DECISION_CREATED,
                "登记决策事项建议《" + request.title().strip() + "》，来源：" + request.source().label()
                                + (channelOf(request) == null ? "" : "（" + channelOf(request) + "）")
                        + "，研究论证和承办单位：" + directory.unitName(request.leadUnit()) + "（第十一条）");
        var instance = runtimeService.startProcessInstanceByKey(LIFECYCLE_PROCESS, number,
                Map.of(DecisionVariables.DECISION_ID, id));
        decisions.setProcessInstance(id, instance.getId());
        return get(id);
    }

    /**
     * Art. 64: the organ a new matter belongs to. The named organ, which must be one of the person's; without one, the
     * lead unit's organ, which must be one of theirs (a refusal names the organs they may register in).
     */
    private String organOf(cn.juece.identity.Actor actor, NewDecision r) {
        if (r.organ() != null && !r.organ().isBlank()) {
            return directory.organFor(actor, r.organ());
        }
        String organ = directory.unit(r.leadUnit()).organCode();
        if (!directory.organsOf(actor).contains(organ)) {
            throw directory.notYourOrgan(actor, organ);
        }
        return organ;
    }

    private void validate(String organ, NewDecision r) {
        OrgUnit lead = directory.unit(r.leadUnit());
        if (!lead.organCode().equals(organ)) {
            throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "承办单位“" + lead.name() + "”不属于本决策机关。");
        }
        if (r.coUnits() != null) {
            if (new LinkedHashSet<>(r.coUnits()).size() != r.coUnits().size() || r.coUnits().contains(r.leadUnit())) {
                throw RuleViolation.badRequest("CO_UNITS_INVALID",
                        "其他承办单位不能重复，也不能与牵头承办单位相同（第十二条）。");
            }
            for (String code : r.coUnits()) {
                OrgUnit co = directory.unit(code);
                if (!co.organCode().equals(organ)) {
                    throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "承办单位“" + co.name() + "”不属于本决策机关（第六十四条）。");
                }
            }
        }
        if (r.source().studiedByProposer() && (r.proposer() == null || r.proposer().isBlank())) {
            throw RuleViolation.badRequest("PROPOSER_REQUIRED",
                    "部门或下一级人民政府提出的建议，请填写建议提出单位；由其组织研究论证（第十一条第二项）。");
        }
        if (r.source().studiedByProposer()) {
            validateProposerStudies(organ, r);
        }
        validateChannel(r);
        if (r.source() == ProposalSource.PUBLIC && (r.summary() == null || r.summary().isBlank()
                || r.proposer() == null || r.proposer().isBlank())) {
            throw RuleViolation.badRequest("PUBLIC_PROPOSAL_INCOMPLETE",
                    "公民、法人或者其他组织以书面形式提出决策事项建议（第十一条）：请填写建议人（proposer）和建议的书面内容（summary）。");
        }
    }

    /** Art. 11 (二): a department's or lower government's proposal is studied by the proposing unit itself. */
    private void validateProposerStudies(String organ, NewDecision r) {
        String p = r.proposer().strip();
        OrgUnit proposer = directory.units(organ).stream()
                .filter(u -> u.code().equals(p) || u.name().equals(p)).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest("PROPOSER_UNIT_UNKNOWN",
                        "建议提出单位“" + p + "”不是本决策机关的所属部门或下一级人民政府。请填写单位全称（第十一条第二项）。"));
        boolean township = proposer.kind() == UnitKind.TOWNSHIP;
        if (township != (r.source() == ProposalSource.LOWER_GOVERNMENT)) {
            throw RuleViolation.badRequest("PROPOSER_KIND_MISMATCH", "“" + proposer.name() + "”"
                    + (township ? "是下一级人民政府，建议来源请选择“下一级人民政府”。" : "是决策机关所属部门，建议来源请选择“决策机关所属部门”。"));
        }
        if (!proposer.code().equals(r.leadUnit())) {
            throw RuleViolation.badRequest("STUDY_UNIT_NOT_PROPOSER",
                    "决策机关所属部门或下一级人民政府提出的建议，由建议提出单位（" + proposer.name()
                            + "）组织研究论证（第十一条第二项）。请将研究论证单位选为" + proposer.name() + "。");
        }
    }

    /** Art. 11: NPC deputies and CPPCC members propose through 议案、建议、提案; the public in writing. */
    private static void validateChannel(NewDecision r) {
        var allowed = SourceChannel.allowedFor(r.source());
        var given = SourceChannel.parse(r.sourceChannel());
        if (r.sourceChannel() != null && !r.sourceChannel().isBlank() && given.isEmpty()) {
            throw RuleViolation.badRequest("SOURCE_CHANNEL_INVALID",
                    "提出方式“" + r.sourceChannel().strip() + "”无效，可选：议案、建议、提案、书面（第十一条）。");
        }
        if (allowed.isEmpty() && given.isPresent()) {
            throw RuleViolation.badRequest("SOURCE_CHANNEL_INVALID",
                    r.source().label() + "提出的建议无需填写提出方式（议案、建议、提案、书面只适用于人大代表、政协委员和公民、法人或者其他组织，第十一条）。");
        }
        if (!allowed.isEmpty() && given.isPresent() && !allowed.contains(given.get())) {
            throw RuleViolation.badRequest("SOURCE_CHANNEL_INVALID", r.source().label() + "通过"
                    + String.join("、", allowed.stream().map(SourceChannel::label).sorted().toList()) + "提出建议，不能选择“" + given.get().label() + "”（第十一条）。");
        }
        if ((r.source() == ProposalSource.NPC_DEPUTY || r.source() == ProposalSource.CPPCC_MEMBER) && given.isEmpty()) {
            throw RuleViolation.badRequest("SOURCE_CHANNEL_REQUIRED", "请填写" + r.source().label() + "提出建议的方式："
                    + String.join("、", allowed.stream().map(SourceChannel::label).sorted().toList()) + "（第十一条）。");
        }
    }

    /** The channel to record: as given, and "书面" for the public, whose proposals are in writing (Art. 11). */
    private static String channelOf(NewDecision r) {
        return SourceChannel.parse(r.sourceChannel()).map(SourceChannel::label)
                .orElse(r.source() == ProposalSource.PUBLIC ? SourceChannel.WRITING.label() : null);
    }

    public Decision get(long id) {
        return decisions.findById(id)
                .orElseThrow(() -> RuleViolation.notFound("DECISION_NOT_FOUND", "决策事项不存在：" + id));
    }

    /** These decisions in the order of the ids given, read in one query (those that do not exist are left out). */
    public List<Decision> getAll(List<Long> ids) {
        java.util.Map<Long, Decision> byId = new java.util.HashMap<>();
        decisions.findByIds(ids).forEach(d -> byId.put(d.id(), d));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public Decision get(String number) {
        return decisions.findByNumber(number).orElseThrow(() -> notFound(number));
    }

    /** The refusal for a number that does not exist, and for one the person may not see (DECISIONS.md 23). */
    public static RuleViolation notFound(String number) {
        return RuleViolation.notFound("DECISION_NOT_FOUND", "决策事项不存在：" + number + "。请核对决策编号。");
    }

    /** The decision with that number, if there is one (e.g. to tell whether a business key is a decision's). */
    public Optional<Decision> find(String number) {
        return number == null ? Optional.empty() : decisions.findByNumber(number);
    }

    public Decision of(DelegateExecution execution) {
        return get(execution.getProcessBusinessKey());
    }

    /** The newest decisions of every organ (the demo's and the supervision's raw list; callers scope it). */
    public List<Decision> list() {
        return decisions.list((String) null, 500);
    }

    /** The newest decisions of these organs (Art. 64). */
    public List<Decision> list(java.util.Collection<String> organs) {
        return decisions.list(organs, 500);
    }

    /**
     * One page of the default organ's decisions within this visibility (issue 17): sort "due" (the soonest day of an
     * open step's period) or "created" (newest first), filtered by a current stage and a decision-number prefix.
     */
    public cn.juece.support.Page<Decision> page(DecisionRepository.Visibility v, Stage stage, String numberPrefix, String sort,
                                                int page, int size) {
        return page(List.of(defaultOrgan), v, stage, numberPrefix, sort, page, size);
    }

    /** One page of these organs' decisions within this visibility (Art. 64; issue 17). */
    public cn.juece.support.Page<Decision> page(java.util.Collection<String> organs, DecisionRepository.Visibility v, Stage stage,
                                                String numberPrefix, String sort, int page, int size) {
        String prefix = numberPrefix == null || numberPrefix.isBlank() ? null : numberPrefix.strip();
        long cap = (long) page * size + size + countAhead;
        long total = decisions.countAtMost(organs, v, stage, prefix, cap);
        List<Decision> items = (long) page * size >= total ? List.of()
                : decisions.page(organs, v, stage, prefix, cn.juece.support.Page.BY_DUE.equals(sort), page * size, size);
        return new cn.juece.support.Page<>(items, total, page, size, total >= cap);
    }

    /**
     * How far past the page the decision list is counted (issue 17): a longer list answers X-Total-Count-At-Least and
     * the page reads 第N页（共K项以上）, as the work list does (tests lower it).
     */
    static int countAhead = 200;

    /** Records the Art. 3 category the matter falls under. */
    @Transactional
    public Decision setCategory(String number, Art3Category category) {
        Decision d = get(number);
        access.getObject().require(d, "认定决策事项类别", "第三条", Responsible.STUDY_UNIT, Responsible.JUSTICE_BUREAU,
                Responsible.DECISION_ORGAN);
        decisions.setCategory(d.id(), category, clock.now());
        audit.record(d.id(), d.number(), AuditAction.DECISION_UPDATED,
                "认定决策事项类别为第三条" + (category == null ? "（未认定）" : category.label()));
        return get(d.id());
    }

    static void requireOpen(Decision d) {
        if (!d.isOpen()) {
            throw closed(d, "修改");
        }
    }

    /**
     * The refusal of any change to an archived dossier (Art. 59): uploads, records and steps alike.
     *
     * @param what the act refused, e.g. "上传材料"
     */
    public static RuleViolation closed(Decision d, String what) {
        return new RuleViolation("DECISION_CLOSED", "决策事项“" + d.title() + "”已归档（第五十九条），案卷已封存，不能再" + what + "。");
    }

    void enterStage(Decision d, Stage stage) {
        decisions.setStage(d.id(), stage, clock.now());
        audit.record(d.id(), d.number(), AuditAction.STAGE_ENTERED, "进入第" + stage.number() + "阶段：" + stage.label());
    }

    /** An entry into a stage (DECISIONS.md 25: a row, not audit text). */
    public record StageEntry(Stage stage, java.time.OffsetDateTime enteredAt) {
    }

    /** The end of the procedure and its kind. */
    public record Ending(DecisionStatus status, java.time.OffsetDateTime endedAt) {
    }

    /** Where the decision has been, in order, each stage as often as it was entered. */
    public List<StageEntry> stageEntries(long decisionId) {
        return decisions.stageEntries(decisionId);
    }

    /** How and when the procedure ended, if it has. */
    public java.util.Optional<Ending> ending(long decisionId) {
        return decisions.ending(decisionId);
    }

    /**
     * The procedure reached an ending (a milestone of the main process: out of scope, not launched, terminated,
     * 不同意, stopped, completed), which is kept as its end; or the archive, which closes the dossier (Art. 59).
     */
    void finish(Decision d, DecisionStatus status) {
        decisions.setStatus(d.id(), status, clock.now());
        audit.record(d.id(), d.number(), AuditAction.PROCEDURE_ENDED, "决策程序结束：" + status.label()
                + (status.isEnding() ? "，转入归档（第五十九条）" : ""));
    }
}

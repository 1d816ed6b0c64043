package cn.juece.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditEntry;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.decision.NewDecision;
import cn.juece.decision.ProposalSource;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.OrgUnit;
import cn.juece.identity.Organ;
import cn.juece.identity.UnitKind;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.TaskOutcomes;

/**
 * The annual catalogue of major decision matters (Art. 4; openness excerpt): compiled by the justice
 * bureau, confirmed by the decision organ, approved by the party committee (recorded), published; changed
 * after publication only with a stated reason, each change public. Every rule lives here: the staff pages,
 * /api and Tasklist (through the task listeners of {@link CatalogueEnginePlugin}) all reach it.
 */
@Service("catalogueService")
public class CatalogueService {

    public static final String PROCESS = "annual-catalogue";
    public static final String CHANGE_MESSAGE = "catalogue-change-requested";
    static final String CATALOGUE_ID = "catalogueId";
    static final String CHANGE_REQUEST_ID = "changeRequestId";
    static final String IN_FORCE = "catalogue-in-force";

    /** Planned timeline: a quarter or a month of the year. */
    public static final List<String> PLANNED_TIMES = Stream.concat(
            Stream.of("第一季度", "第二季度", "第三季度", "第四季度"),
            IntStream.rangeClosed(1, 12).mapToObj(m -> m + "月")).toList();

    /** 冠发〔2026〕3号 */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S{1,20}〔\\d{4}〕\\d{1,5}号$");

    private final CatalogueRepository repo;
    private final DecisionService decisions;
    private final Directory directory;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final AppClock clock;
    private final String defaultOrgan;
    private final org.springframework.beans.factory.ObjectProvider<cn.juece.access.EngineGrants> grants;

    CatalogueService(CatalogueRepository repo, DecisionService decisions, Directory directory, AuditTrail audit,
                     RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
                     AppClock clock, @Value("${juece.default-organ}") String defaultOrgan,
                     org.springframework.beans.factory.ObjectProvider<cn.juece.access.EngineGrants> grants) {
        this.grants = grants;
        this.repo = repo;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.clock = clock;
        this.defaultOrgan = defaultOrgan;
    }

    // ------------------------------------------------------------------ reading

    public String defaultOrgan() {
        return defaultOrgan;
    }

    /** The catalogues of the organs of the person acting now (Art. 4, 64), newest year first. */
    public List<Catalogue> list() {
        return directory.organsOf(directory.currentActor()).stream().flatMap(o -> repo.list(o).stream()).toList();
    }

    /** The catalogues of one organ, or of every organ (null or blank), e.g. for the public portal (Art. 64). */
    public List<Catalogue> listOf(String organ) {
        if (organ == null || organ.isBlank()) {
            return directory.organs().stream().flatMap(o -> repo.list(o.code()).stream()).toList();
        }
        return repo.list(directory.organ(organ.strip().toUpperCase(java.util.Locale.ROOT)).code());
    }

    /** The default organ's catalogue of the year. */
    public Optional<Catalogue> find(int year) {
        return repo.find(defaultOrgan, year);
    }

    /** The organ's catalogue of the year (Art. 4, 64). */
    public Optional<Catalogue> find(String organ, int year) {
        return repo.find(organ, year);
    }

    public Catalogue get(String key) {
        return find(key).orElseThrow(() -> RuleViolation.notFound("CATALOGUE_NOT_FOUND",
                "年度决策事项目录不存在：" + key + "。请核对目录编号（如 GX-2026-ML）。"));
    }

    /** The catalogue with that key (e.g. GX-2026-ML, its process's business key), if there is one. */
    public Optional<Catalogue> find(String key) {
        String[] parts = key == null ? new String[0] : key.split("-");
        if (parts.length == 3 && parts[2].equals("ML") && parts[1].matches("\\d{4}")) {
            return repo.find(parts[0], Integer.parseInt(parts[1]));
        }
        return Optional.empty();
    }

    public Catalogue get(long id) {
        return repo.find(id).orElseThrow(() -> RuleViolation.notFound("CATALOGUE_NOT_FOUND", "年度决策事项目录不存在：" + id));
    }

    public String title(Catalogue c) {
        return directory.organ(c.organCode()).name() + c.year() + "年度重大行政决策事项目录";
    }

    public List<CatalogueItem> items(Catalogue c) {
        return repo.items(c.id());
    }

    public CatalogueItem item(Catalogue c, long itemId) {
        return repo.item(itemId).filter(i -> i.catalogueId() == c.id())
                .orElseThrow(() -> RuleViolation.notFound("CATALOGUE_ITEM_NOT_FOUND", "目录中没有该事项：" + itemId + "。"));
    }

    public List<CatalogueChange> changes(Catalogue c) {
        return repo.changes(c.id());
    }

    public List<ChangeRequest> requests(Catalogue c) {
        return repo.requests(c.organCode(), c.year());
    }

    public List<AuditEntry> auditTrail(Catalogue c) {
        return audit.forKey(c.key());
    }

    public String decisionNumber(long decisionId) {
        return decisions.get(decisionId).number();
    }

    public Decision decision(long decisionId) {
        return decisions.get(decisionId);
    }

    /** The catalogue item a decision was registered from, if any. */
    public Optional<CatalogueItem> itemOf(long decisionId) {
        return repo.itemsOfDecision(decisionId).stream().findFirst();
    }

    /** Open steps of the catalogue's process: task id, key, name, candidate groups. */
    public List<OpenStep> openSteps(Catalogue c) {
        List<OpenStep> steps = new ArrayList<>();
        for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(c.key()).orderByTaskCreateTime().asc().list()) {
            List<String> groups = taskService.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
                    .filter(Objects::nonNull).distinct().toList();
            Object requestId = taskService.getVariableLocal(t.getId(), CHANGE_REQUEST_ID);
            steps.add(new OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(), groups,
                    groups.stream().map(directory::groupName).toList(), outcomesOf(t.getTaskDefinitionKey()),
                    requestId == null ? null : ((Number) requestId).longValue()));
        }
        return steps;
    }

    public record OpenStep(String id, String taskKey, String name, List<String> candidateGroups,
                           List<String> candidateGroupNames, Map<String, String> outcomes, Long changeRequestId) {
    }

    static Map<String, String> outcomesOf(String taskKey) {
        return switch (taskKey) {
            case "catalogue-compile" -> Map.of("SUBMITTED", "报请决策机关确认");
            case "catalogue-confirm" -> linked("CONFIRMED", "确认目录（报党委审定）", "RETURNED", "退回修改");
            case "catalogue-publish" -> Map.of("PUBLISHED", "已向社会公布");
            case "catalogue-change" -> linked("CHANGED", "已调整目录并公布调整原因", "NOT_CHANGED", "不调整目录");
            default -> Map.of();
        };
    }

    private static Map<String, String> linked(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    // ------------------------------------------------------------------ compiling

    /** Art. 4: the justice bureau starts the year's catalogue; one per organ and year. */
    @Transactional
    public Catalogue create(int year) {
        return create(year, null);
    }

    /**
     * Art. 4, 64: the justice bureau of an organ starts that organ's catalogue of the year: the named organ (one of
     * the person's), or their own unit's organ.
     */
    @Transactional
    public Catalogue create(int year, String organCode) {
        Organ organ = directory.organ(directory.organFor(directory.currentActor(), organCode));
        Actor actor = requireJusticeBureau(organ);
        if (!organ.keepsCatalogue()) {
            // Art. 4 asks a catalogue of the county government; an organ acting by reference keeps one only where it
            // is set up to (Art. 64, config/organisation.yaml `catalogue`)
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "CATALOGUE_NOT_KEPT",
                    organ.name() + "不编制年度重大行政决策事项目录：第四条要求编制的是县政府年度决策事项目录，"
                            + "乡镇（街道）、县直部门参照执行（第六十四条），本系统中该机关设为不编制年度目录。"
                            + "如需编制，请系统管理员更改该机关的设置。");
        }
        if (year < 2000 || year > 2100) {
            throw RuleViolation.badRequest("CATALOGUE_YEAR_INVALID", "年度不正确：" + year + "。");
        }
        if (repo.find(organ.code(), year).isPresent()) {
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "CATALOGUE_EXISTS",
                    organ.name() + year + "年度重大行政决策事项目录已存在；每个决策机关每年编制一个目录（第四条）。");
        }
        OffsetDateTime now = clock.now();
        long id = repo.insertCatalogue(organ.code(), year, actor.id(), now);
        Catalogue c = get(id);
        audit.record(actor, null, c.key(), AuditAction.CATALOGUE_CREATED, "开始编制《" + title(c) + "》（第四条）");
        Map<String, Object> vars = new HashMap<>();
        vars.put(CATALOGUE_ID, id);
        vars.put(DecisionVariables.DECISION_NUMBER, c.key());
        vars.put(DecisionVariables.DECISION_TITLE, title(c));
        var instance = runtimeService.startProcessInstanceByKey(PROCESS, c.key(), vars);
        repo.setProcessInstance(id, instance.getId());
        grants.getObject().grantOrganInstance(organ.code(), instance.getId());
        return get(id);
    }

    @Transactional
    public CatalogueItem addItem(String key, ItemForm form) {
        Catalogue c = get(key);
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        String reason = changeReason(c, form.reason());
        validate(c, form);
        ChangeRequest request = request(c, form.requestId());
        OffsetDateTime now = clock.now();
        long id = repo.insertItem(c.id(), form, now);
        CatalogueItem item = repo.item(id).orElseThrow();
        String summary = "增加第" + item.seqNo() + "项《" + item.name() + "》（牵头承办单位：" + directory.unitName(item.leadUnit())
                + "，计划" + item.plannedTime() + "）";
        if (request != null && request.decisionId() != null && itemOfDecisionAbsent(request.decisionId())) {
            repo.linkDecision(id, request.decisionId(), now);
            summary += "，即已启动的决策事项" + decisions.get(request.decisionId()).number();
        }
        record(c, actor, AuditAction.CATALOGUE_ITEM_ADDED, CatalogueChange.ChangeKind.ADD, id, summary, reason, request, now);
        return repo.item(id).orElseThrow();
    }

    @Transactional
    public CatalogueItem updateItem(String key, long itemId, ItemForm form) {
        Catalogue c = get(key);
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        CatalogueItem before = item(c, itemId);
        requireNotRemoved(before);
        String reason = changeReason(c, form.reason());
        validate(c, form);
        ChangeRequest request = request(c, form.requestId());
        OffsetDateTime now = clock.now();
        repo.updateItem(itemId, form, now);
        CatalogueItem after = repo.item(itemId).orElseThrow();
        record(c, actor, AuditAction.CATALOGUE_ITEM_CHANGED, CatalogueChange.ChangeKind.MODIFY, itemId,
                "调整第" + after.seqNo() + "项：" + differences(before, after), reason, request, now);
        return after;
    }

    @Transactional
    public void removeItem(String key, long itemId, String reasonText, Long requestId) {
        Catalogue c = get(key);
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        CatalogueItem item = item(c, itemId);
        requireNotRemoved(item);
        String reason = changeReason(c, reasonText);
        ChangeRequest request = request(c, requestId);
        OffsetDateTime now = clock.now();
        String summary = "删除第" + item.seqNo() + "项《" + item.name() + "》";
        if (c.published() || item.decisionId() != null) {
            repo.removeItem(itemId, now);
        } else {
            repo.deleteItem(itemId);
        }
        record(c, actor, AuditAction.CATALOGUE_ITEM_REMOVED, CatalogueChange.ChangeKind.REMOVE, itemId, summary, reason, request, now);
    }

    /** The party committee whose approval the catalogue needs, as its organ names it (县委; a sub-district's 街道党工委). */
    String partyCommittee(Catalogue c) {
        return directory.organ(c.organCode()).partyCommittee();
    }

    /** Art. 4: the party committee's approval of the confirmed catalogue (date and document number). */
    @Transactional
    public Catalogue recordPartyApproval(String key, LocalDate date, String documentNumber) {
        Catalogue c = get(key);
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        if (c.status() != CatalogueStatus.CONFIRMED) {
            throw new RuleViolation("CATALOGUE_NOT_CONFIRMED", "目录须先经决策机关确认，再记录" + partyCommittee(c) + "审定情况（第四条）。当前状态：" + c.status().label() + "。");
        }
        String doc = documentNumber == null ? "" : documentNumber.strip();
        if (date == null || doc.isEmpty()) {
            throw RuleViolation.badRequest("CATALOGUE_PARTY_APPROVAL_INCOMPLETE", "请填写" + partyCommittee(c) + "审定的日期和文号（如 冠发〔2026〕3号）。");
        }
        if (!DOCUMENT_NUMBER.matcher(doc).matches()) {
            throw RuleViolation.badRequest("CATALOGUE_PARTY_APPROVAL_DOC_INVALID",
                    "文号格式应为“机关代字〔年份〕序号号”，如 冠发〔2026〕3号；请使用六角括号〔〕。");
        }
        if (date.isAfter(clock.today())) {
            throw RuleViolation.badRequest("CATALOGUE_PARTY_APPROVAL_DATE_INVALID", partyCommittee(c) + "审定日期不能晚于今天。");
        }
        repo.setPartyApproval(c.id(), date, doc, clock.now());
        audit.record(actor, null, c.key(), AuditAction.CATALOGUE_PARTY_APPROVAL,
                "记录" + partyCommittee(c) + "审定情况：" + date + "，文号 " + doc);
        return get(c.id());
    }

    // ------------------------------------------------------------------ steps (every path)

    /** Completes a catalogue step from our pages or /api; the task listener checks the rules. */
    @Transactional
    public void completeStep(String key, String taskId, String outcome, String reason) {
        Catalogue c = get(key);
        Task task = taskService.createTaskQuery().taskId(taskId).processInstanceBusinessKey(c.key()).singleResult();
        if (task == null) {
            throw RuleViolation.taskNotFound(taskId);
        }
        Actor actor = directory.currentActor();
        List<String> groups = taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
        requireMayAct(actor, task.getName(), task.getAssignee(), groups);
        Map<String, Object> vars = new HashMap<>();
        vars.put(DecisionVariables.OUTCOME, outcome);
        vars.put(DecisionVariables.REASON, reason == null ? "" : reason.strip());
        identityService.setAuthentication(actor.id(), actor.groups());
        try {
            taskService.complete(taskId, vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Task listener (create) on every catalogue task. */
    void onTaskCreated(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        execution.removeVariable(DecisionVariables.OUTCOME);
        execution.removeVariable(DecisionVariables.REASON);
        Catalogue c = get(execution.getProcessBusinessKey());
        String description = "年度目录：" + title(c) + "。目录事项、" + partyCommittee(c) + "审定情况和调整记录见：/catalogue/" + c.key();
        if ("catalogue-change".equals(task.getTaskDefinitionKey())) {
            Object requestId = execution.getVariable(CHANGE_REQUEST_ID);
            task.setVariableLocal(CHANGE_REQUEST_ID, requestId);
            if (requestId != null) {
                repo.request(((Number) requestId).longValue()).ifPresent(r -> task.setDescription(r.reason() + " " + description));
                return;
            }
        }
        task.setDescription(description);
    }

    /** Task listener (complete) on every catalogue task, whatever the path: the rules of Art. 4. */
    void onTaskCompleted(DelegateTask task) {
        Catalogue c = get(task.getExecution().getProcessBusinessKey());
        Actor actor = directory.currentActor();
        String name = task.getName();
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        requireMayAct(actor, name, task.getAssignee(), groups);
        Map<String, String> outcomes = TaskOutcomes.of(task.getBpmnModelElementInstance());
        DecisionVariables vars = DecisionVariables.of(task);
        String outcome = vars.outcome();
        String reason = vars.reason() == null ? "" : vars.reason().strip();
        if (outcome == null || outcome.isBlank()) {
            throw RuleViolation.badRequest("OUTCOME_REQUIRED", "请选择“" + name + "”的办理结果：" + String.join("、", outcomes.values()) + "。");
        }
        if (!outcomes.containsKey(outcome)) {
            throw RuleViolation.badRequest("OUTCOME_INVALID", "“" + outcome + "”不是“" + name + "”的办理结果。可选：" + String.join("、", outcomes.values()) + "。");
        }
        if (reason.length() > 500) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "理由不超过500字。");
        }
        OffsetDateTime now = clock.now();
        switch (task.getTaskDefinitionKey()) {
            case "catalogue-compile" -> {
                if (items(c).stream().noneMatch(i -> !i.removed())) {
                    throw new RuleViolation("CATALOGUE_EMPTY", "目录中还没有事项。请先在目录页面录入决策事项，再报请决策机关确认（第四条）。");
                }
                repo.setStatus(c.id(), CatalogueStatus.SUBMITTED, now);
            }
            case "catalogue-confirm" -> {
                if ("RETURNED".equals(outcome)) {
                    if (reason.isEmpty()) {
                        throw new RuleViolation("REASON_REQUIRED", "请填写理由：退回修改的理由和修改意见（第四条）。");
                    }
                    repo.setStatus(c.id(), CatalogueStatus.COMPILING, now);
                } else {
                    repo.setStatus(c.id(), CatalogueStatus.CONFIRMED, now);
                }
            }
            case "catalogue-publish" -> {
                if (!c.partyApprovalRecorded()) {
                    throw new RuleViolation("CATALOGUE_PARTY_APPROVAL_MISSING",
                            "目录经" + partyCommittee(c) + "审定后方可公布（第四条）。请先在目录页面记录" + partyCommittee(c) + "审定的日期和文号，再公布。");
                }
                repo.setPublished(c.id(), now);
                audit.record(actor, null, c.key(), AuditAction.CATALOGUE_PUBLISHED,
                        "公布《" + title(c) + "》，共" + items(c).size() + "项；" + partyCommittee(c) + "审定文号 " + c.partyApprovalDoc());
            }
            case "catalogue-change" -> {
                if (reason.isEmpty()) {
                    throw new RuleViolation("CATALOGUE_CHANGE_REASON_REQUIRED",
                            "请说明调整或不调整目录的原因；调整原因随目录一并公开（政务公开工作要点）。");
                }
                Object requestId = task.getVariableLocal(CHANGE_REQUEST_ID);
                if (requestId != null) {
                    resolve(c, repo.request(((Number) requestId).longValue()).orElseThrow(), "CHANGED".equals(outcome),
                            reason, actor, now);
                }
            }
            default -> {
            }
        }
        audit.record(actor, null, c.key(), AuditAction.CATALOGUE_STEP_COMPLETED,
                "办理“" + name + "”，结果：" + outcomes.get(outcome) + (reason.isEmpty() ? "" : "；理由：" + reason));
    }

    private void resolve(Catalogue c, ChangeRequest r, boolean changed, String reason, Actor actor, OffsetDateTime now) {
        if (r.status() != ChangeRequest.Status.OPEN) {
            throw new RuleViolation("CATALOGUE_CHANGE_REQUEST_CLOSED", "该目录调整提请已办结（" + r.status().label() + "）。");
        }
        boolean recorded = repo.countChangesOfRequest(r.id()) > 0 || (r.decisionId() != null
                && repo.itemsOfDecision(r.decisionId()).stream().anyMatch(i -> i.catalogueId() == c.id()));
        if (changed && !recorded) {
            throw new RuleViolation("CATALOGUE_CHANGE_NOT_RECORDED",
                    "尚未记录目录调整。请先在目录页面针对该提请增加或调整事项（写明调整原因），再办结。");
        }
        repo.resolveRequest(r.id(), changed ? ChangeRequest.Status.CHANGED : ChangeRequest.Status.NOT_CHANGED, reason,
                actor.id(), now);
    }

    /**
     * Resolves a change request from the catalogue page: through its open task when it has one (the same
     * rules on every path); a request made before the catalogue was in force has no task and is resolved here.
     */
    @Transactional
    public void resolveRequest(String key, long requestId, String outcome, String reasonText) {
        Catalogue c = get(key);
        for (OpenStep step : openSteps(c)) {
            if (Long.valueOf(requestId).equals(step.changeRequestId())) {
                completeStep(key, step.id(), outcome, reasonText);
                return;
            }
        }
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        ChangeRequest r = request(c, requestId);
        String reason = reasonText == null ? "" : reasonText.strip();
        if (!"CHANGED".equals(outcome) && !"NOT_CHANGED".equals(outcome)) {
            throw RuleViolation.badRequest("OUTCOME_INVALID", "请选择：已调整目录、不调整目录。");
        }
        if (reason.isEmpty()) {
            throw new RuleViolation("CATALOGUE_CHANGE_REASON_REQUIRED",
                    "请说明调整或不调整目录的原因；调整原因随目录一并公开（政务公开工作要点）。");
        }
        resolve(c, r, "CHANGED".equals(outcome), reason, actor, clock.now());
        audit.record(actor, null, c.key(), AuditAction.CATALOGUE_STEP_COMPLETED,
                "办理目录调整提请：" + ("CHANGED".equals(outcome) ? "已调整目录" : "不调整目录") + "；理由：" + reason);
    }

    private void requireMayAct(Actor actor, String name, String assignee, List<String> groups) {
        if (!actor.isSystem() && !actor.id().equals(assignee) && !actor.inAnyGroup(groups)) {
            throw RuleViolation.forbidden("TASK_NOT_YOUR_GROUP", "“" + name + "”由"
                    + groups.stream().map(directory::groupName).collect(Collectors.joining("、")) + "办理，您（" + actor.name()
                    + "）不属于办理单位或角色，无权办理。");
        }
    }

    /** Timer of the catalogue's year: it is in force until 24:00 of 31 December. */
    public Date yearEnd(DelegateExecution execution) {
        Catalogue c = get(execution.getProcessBusinessKey());
        return Date.from(LocalDate.of(c.year() + 1, 1, 1).atStartOfDay(AppClock.ZONE).toInstant());
    }

    // ------------------------------------------------------------------ linking decisions

    /** Registers a decision matter from a published catalogue item and links the two. */
    @Transactional
    public Decision launchFromItem(String key, long itemId) {
        Catalogue c = get(key);
        CatalogueItem item = item(c, itemId);
        if (!c.published()) {
            throw new RuleViolation("CATALOGUE_NOT_PUBLISHED", "目录尚未公布，不能依目录事项登记决策事项；请待目录经确认、审定并公布后办理（第四条）。");
        }
        requireNotRemoved(item);
        if (item.decisionId() != null) {
            throw new RuleViolation("CATALOGUE_ITEM_LINKED", "该目录事项已登记为决策事项 " + decisions.get(item.decisionId()).number() + "。");
        }
        OrgUnit lead = directory.unit(item.leadUnit());
        ProposalSource source = lead.kind() == UnitKind.TOWNSHIP ? ProposalSource.LOWER_GOVERNMENT : ProposalSource.DEPARTMENT;
        NewDecision nd = DecisionRequests.of(item.name(),
                "列入" + title(c) + "第" + item.seqNo() + "项。决策依据：" + item.legalBasis() + "。计划时间：" + item.plannedTime()
                        + (item.hearingPlanned() ? "；拟举行听证" : "") + (item.enterpriseRelated() ? "；涉企事项" : "") + "。",
                source, null, lead.name(), item.leadUnit(), item.coUnits());
        Decision d = decisions.create(nd);
        repo.linkDecision(item.id(), d.id(), clock.now());
        audit.record(null, c.key(), AuditAction.CATALOGUE_ITEM_LAUNCHED, "第" + item.seqNo() + "项《" + item.name() + "》登记为决策事项 " + d.number());
        audit.record(d.id(), d.number(), AuditAction.CATALOGUE_ITEM_LAUNCHED, "依" + title(c) + "第" + item.seqNo() + "项登记");
        return d;
    }

    /**
     * Links a catalogue item to a decision already registered (e.g. from a proposal made before the catalogue
     * was compiled): the item's public page then shows that decision's trail.
     */
    @Transactional
    public CatalogueItem linkDecision(String key, long itemId, String decisionNumber) {
        Catalogue c = get(key);
        Actor actor = requireJusticeBureau(directory.organ(c.organCode()));
        CatalogueItem item = item(c, itemId);
        requireNotRemoved(item);
        if (item.decisionId() != null) {
            throw new RuleViolation("CATALOGUE_ITEM_LINKED", "该目录事项已关联决策事项 " + decisions.get(item.decisionId()).number() + "。");
        }
        Decision d = decisions.get(decisionNumber == null ? "" : decisionNumber.strip());
        if (!d.organCode().equals(c.organCode())) {
            throw RuleViolation.badRequest("DECISION_NOT_IN_ORGAN", "决策事项 " + d.number() + " 不属于本决策机关。");
        }
        if (!repo.itemsOfDecision(d.id()).isEmpty()) {
            throw new RuleViolation("DECISION_ALREADY_IN_CATALOGUE", "决策事项 " + d.number() + " 已关联其他目录事项。");
        }
        repo.linkDecision(item.id(), d.id(), clock.now());
        audit.record(actor, null, c.key(), AuditAction.CATALOGUE_ITEM_CHANGED,
                "第" + item.seqNo() + "项《" + item.name() + "》关联决策事项 " + d.number());
        audit.record(actor, d.id(), d.number(), AuditAction.CATALOGUE_ITEM_CHANGED,
                "关联" + title(c) + "第" + item.seqNo() + "项《" + item.name() + "》");
        return repo.item(item.id()).orElseThrow();
    }

    /**
     * Execution listener on stage-launch's end event end-launched (attached by {@link CatalogueEnginePlugin}):
     * a matter launched outside the published catalogue opens a catalogue-change request and, when the year's
     * catalogue is in force, a task for the justice bureau (DECISIONS.md 2). The launch is not blocked. An organ that
     * keeps no catalogue (Art. 64) gets neither.
     */
    void onLaunched(DelegateExecution execution) {
        Decision d = decisions.get(execution.getProcessBusinessKey());
        if (!directory.organ(d.organCode()).keepsCatalogue()) {
            return; // an organ without a catalogue (Art. 64) has none to adjust
        }
        boolean inPublished = repo.itemsOfDecision(d.id()).stream()
                .anyMatch(i -> repo.find(i.catalogueId()).map(Catalogue::published).orElse(false));
        if (inPublished) {
            return;
        }
        int year = clock.today().getYear();
        Optional<Catalogue> c = repo.find(d.organCode(), year);
        String reason = "决策机关决定启动决策事项《" + d.title() + "》（" + d.number() + "），该事项未列入"
                + directory.organ(d.organCode()).name() + year + "年度重大行政决策事项目录（第四条）。请研究是否调整目录。";
        long requestId = repo.insertRequest(d.organCode(), year, c.map(Catalogue::id).orElse(null), d.id(), reason, clock.now());
        audit.record(d.id(), d.number(), AuditAction.CATALOGUE_CHANGE_REQUESTED, reason);
        if (c.isPresent()) {
            audit.record(null, c.get().key(), AuditAction.CATALOGUE_CHANGE_REQUESTED, reason);
            // The person launching acts on the decision, not on the catalogue's process: the task it opens is the
            // system's act, so Camunda authorizations are not checked for it.
            var commandContext = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
            boolean wasChecking = commandContext != null && commandContext.isAuthorizationCheckEnabled();
            if (wasChecking) {
                commandContext.disableAuthorizationCheck();
            }
            try {
                runtimeService.createMessageCorrelation(CHANGE_MESSAGE).processInstanceBusinessKey(c.get().key())
                        .setVariable(CHANGE_REQUEST_ID, requestId).correlateAll();
            } finally {
                if (wasChecking) {
                    commandContext.enableAuthorizationCheck();
                }
            }
        }
    }

    // ------------------------------------------------------------------ export

    /** The catalogue as CSV with Chinese headings, UTF-8 with BOM so that Excel opens it (UI.md). */
    public String csv(Catalogue c) {
        var csv = new cn.juece.support.Csv(List.of("序号", "事项名称", "牵头承办单位", "其他承办单位", "决策依据", "计划完成时间", "是否听证",
                "是否涉企", "状态", "决策编号"));
        for (CatalogueItem i : items(c)) {
            csv.row(java.util.Arrays.asList(String.valueOf(i.seqNo()), i.name(), directory.unitName(i.leadUnit()),
                    i.coUnits().stream().map(directory::unitName).collect(Collectors.joining("、")), i.legalBasis(),
                    i.plannedTime(), i.hearingPlanned() ? "是" : "否", i.enterpriseRelated() ? "是" : "否",
                    i.removed() ? "已删除" : "列入目录",
                    i.decisionId() == null ? "" : decisions.get(i.decisionId()).number()));
        }
        List<CatalogueChange> changes = changes(c);
        if (!changes.isEmpty()) {
            csv.row(List.of()).row(List.of("调整记录")).row(List.of("日期", "调整类型", "调整内容", "调整原因"));
            for (CatalogueChange ch : changes) {
                csv.row(List.of(ch.changedAt().toLocalDate().toString(), ch.kind().label(), ch.summary(), ch.reason()));
            }
        }
        return csv.toString();
    }

    // ------------------------------------------------------------------ rules

    private Actor requireJusticeBureau(Organ organ) {
        Actor actor = directory.currentActor();
        if (!actor.isSystem() && !actor.groups().contains(Groups.unit(organ.justiceUnit()))
                && !actor.groups().contains(Groups.ADMIN)) {
            throw RuleViolation.forbidden("CATALOGUE_NOT_JUSTICE_BUREAU",
                    "年度重大行政决策事项目录由" + directory.unitName(organ.justiceUnit()) + "编制和调整（第四条），您（" + actor.name() + "）无权办理。");
        }
        return actor;
    }

    /** Before publication edits need no reason (nothing is public yet); afterwards each change states its reason. */
    private String changeReason(Catalogue c, String reason) {
        if (c.status() == CatalogueStatus.SUBMITTED || c.status() == CatalogueStatus.CONFIRMED) {
            throw new RuleViolation("CATALOGUE_LOCKED", "目录已报请决策机关确认（" + c.status().label()
                    + "），期间不能修改；需要修改的，请由决策机关退回后再修改（第四条）。");
        }
        String r = reason == null ? "" : reason.strip();
        if (c.published() && r.isEmpty()) {
            throw new RuleViolation("CATALOGUE_CHANGE_REASON_REQUIRED",
                    "目录已公布，增加、删除或调整事项须说明调整原因，调整原因将随目录一并公开（政务公开工作要点）。请填写调整原因。");
        }
        if (r.length() > 1000) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "调整原因不超过1000字。");
        }
        return r;
    }

    private void validate(Catalogue c, ItemForm f) {
        List<String> missing = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            missing.add("事项名称");
        }
        if (f.leadUnit() == null || f.leadUnit().isBlank()) {
            missing.add("牵头承办单位");
        }
        if (f.legalBasis() == null || f.legalBasis().isBlank()) {
            missing.add("决策依据");
        }
        if (f.plannedTime() == null || f.plannedTime().isBlank()) {
            missing.add("计划完成时间");
        }
        if (f.hearingPlanned() == null) {
            missing.add("是否听证");
        }
        if (f.enterpriseRelated() == null) {
            missing.add("是否涉企");
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("CATALOGUE_ITEM_INCOMPLETE", "请填写：" + String.join("、", missing) + "（第四条）。");
        }
        if (f.name().strip().length() > 200 || f.legalBasis().strip().length() > 1000) {
            throw RuleViolation.badRequest("CATALOGUE_ITEM_TOO_LONG", "事项名称不超过200字，决策依据不超过1000字。");
        }
        if (!PLANNED_TIMES.contains(f.plannedTime())) {
            throw RuleViolation.badRequest("CATALOGUE_PLANNED_TIME_INVALID",
                    "计划完成时间请选择季度（第一季度至第四季度）或月份（1月至12月）。");
        }
        OrgUnit lead = directory.unit(f.leadUnit());
        if (!lead.organCode().equals(c.organCode())) {
            throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "承办单位“" + lead.name() + "”不属于本决策机关。");
        }
        if (f.coUnits() != null) {
            if (new LinkedHashSet<>(f.coUnits()).size() != f.coUnits().size() || f.coUnits().contains(f.leadUnit())) {
                throw RuleViolation.badRequest("CO_UNITS_INVALID", "其他承办单位不能重复，也不能与牵头承办单位相同（第十二条）。");
            }
            f.coUnits().forEach(directory::unit);
        }
    }

    private ChangeRequest request(Catalogue c, Long requestId) {
        if (requestId == null) {
            return null;
        }
        ChangeRequest r = repo.request(requestId)
                .filter(x -> x.organCode().equals(c.organCode()) && x.year() == c.year())
                .orElseThrow(() -> RuleViolation.notFound("CATALOGUE_CHANGE_REQUEST_NOT_FOUND", "没有该目录调整提请：" + requestId + "。"));
        if (r.status() != ChangeRequest.Status.OPEN) {
            throw new RuleViolation("CATALOGUE_CHANGE_REQUEST_CLOSED", "该目录调整提请已办结（" + r.status().label() + "）。");
        }
        return r;
    }

    private boolean itemOfDecisionAbsent(long decisionId) {
        return repo.itemsOfDecision(decisionId).isEmpty();
    }

    private static void requireNotRemoved(CatalogueItem item) {
        if (item.removed()) {
            throw new RuleViolation("CATALOGUE_ITEM_REMOVED", "该事项已从目录中删除。");
        }
    }

    private void record(Catalogue c, Actor actor, AuditAction action, CatalogueChange.ChangeKind kind, long itemId,
                        String summary, String reason, ChangeRequest request, OffsetDateTime now) {
        if (c.published()) {
            repo.insertChange(c.id(), itemId, kind, summary, reason, request == null ? null : request.id(), actor.id(), now);
        }
        audit.record(actor, null, c.key(), action, summary + (reason.isEmpty() ? "" : "；调整原因：" + reason));
    }

    private String differences(CatalogueItem a, CatalogueItem b) {
        List<String> d = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            d.add("事项名称由《" + a.name() + "》改为《" + b.name() + "》");
        }
        if (!a.leadUnit().equals(b.leadUnit())) {
            d.add("牵头承办单位由" + directory.unitName(a.leadUnit()) + "改为" + directory.unitName(b.leadUnit()));
        }
        if (!a.coUnits().equals(b.coUnits())) {
            d.add("其他承办单位改为" + (b.coUnits().isEmpty() ? "无" : b.coUnits().stream().map(directory::unitName).collect(Collectors.joining("、"))));
        }
        if (!a.legalBasis().equals(b.legalBasis())) {
            d.add("决策依据改为“" + b.legalBasis() + "”");
        }
        if (!a.plannedTime().equals(b.plannedTime())) {
            d.add("计划完成时间由" + a.plannedTime() + "改为" + b.plannedTime());
        }
        if (a.hearingPlanned() != b.hearingPlanned()) {
            d.add(b.hearingPlanned() ? "改为拟举行听证" : "改为不举行听证");
        }
        if (a.enterpriseRelated() != b.enterpriseRelated()) {
            d.add(b.enterpriseRelated() ? "改为涉企事项" : "改为非涉企事项");
        }
        return "《" + b.name() + "》" + (d.isEmpty() ? "（内容未变）" : String.join("；", d));
    }
}

package cn.juece.workflow;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.dossier.MaterialService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;

/**
 * The one rule check for completing a step, called from every path: /api (before completing), the
 * task listener on Tasklist and the engine REST API, and the dossier checklist (what is met, what is not).
 * Who may act is the step's party resolved from the dossier (DECISIONS.md 22), never the task's identity links;
 * what counts as evidence is a material its providers gave in this round of the step (DECISIONS.md 24).
 */
@Service
public class TaskRules {

    static final int MAX_REASON = 500;

    private final StageGateRegistry registry;
    private final MaterialService materials;
    private final Directory directory;
    private final Steps steps;

    TaskRules(StageGateRegistry registry, MaterialService materials, Directory directory, Steps steps) {
        this.registry = registry;
        this.materials = materials;
        this.directory = directory;
        this.steps = steps;
    }

    /**
     * Refuses the completion unless the actor acts for the step's party (and holds the step, if someone of that
     * party holds it), the outcome is one the step declares, and every gate guarding that outcome is met.
     *
     * @return the group the actor acted for (null for the system)
     */
    public String checkCompletion(Decision decision, Step step, String assignee, Map<String, String> declaredOutcomes,
                                  String outcome, String reason, Actor actor) {
        if (!decision.isOpen()) {
            throw cn.juece.decision.DecisionService.closed(decision, "办理“" + step.taskName() + "”");
        }
        String actedFor = mayAct(decision, step, assignee, actor);
        if (outcome == null || outcome.isBlank()) {
            throw RuleViolation.badRequest("OUTCOME_REQUIRED",
                    "请选择“" + step.taskName() + "”的办理结果：" + String.join("、", declaredOutcomes.values()) + "。");
        }
        if (!declaredOutcomes.containsKey(outcome)) {
            throw RuleViolation.badRequest("OUTCOME_INVALID",
                    "“" + outcome + "”不是“" + step.taskName() + "”的办理结果。可选：" + String.join("、", declaredOutcomes.values()) + "。");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw RuleViolation.badRequest("REASON_TOO_LONG",
                    "理由不超过" + MAX_REASON + "字（现为" + reason.length() + "字）；详细说明请作为材料上传到决策案卷。");
        }
        GateContext ctx = context(decision, step, outcome, reason);
        for (StageGate gate : registry.guarding(step.taskKey(), outcome)) {
            if (!gate.met().test(ctx)) {
                throw new RuleViolation(gate.code(), gate.refusal().apply(ctx));
            }
        }
        return actedFor;
    }

    /**
     * The group the person acts for on this step: one of its party's groups now (Art. 60: attributable), and the
     * holder's if a member of that party holds it. A refusal otherwise.
     */
    public String mayAct(Decision decision, Step step, String assignee, Actor actor) {
        List<String> groups = steps.responsibleGroups(step, decision);
        if (actor.isSystem()) {
            return null;
        }
        String actedFor = groups.stream().filter(g -> actor.groups().contains(g)).findFirst().orElse(null);
        if (actedFor == null) {
            throw RuleViolation.forbidden("TASK_NOT_YOUR_GROUP", "“" + step.taskName() + "”由"
                    + String.join("、", groups.stream().map(directory::groupName).toList()) + "办理，您（" + actor.name()
                    + "）不属于办理单位或角色，无权办理。");
        }
        if (assignee != null && !assignee.equals(actor.id())
                && directory.groupsOf(assignee).stream().anyMatch(groups::contains)) {
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "TASK_HELD_BY_OTHER",
                    "“" + step.taskName() + "”已由" + directory.displayName(assignee) + "认领办理。如需由您办理，请"
                            + directory.displayName(assignee) + "或单位负责人在决策案卷中转交给您。");
        }
        return actedFor;
    }

    GateContext context(Decision decision, Step step, String outcome, String reason) {
        return new GateContext(decision, step, step.taskKey(), outcome, reason, () -> materials.materials(decision.id()),
                steps.roundStartsAfter(step), type -> materials.providers(decision, type));
    }

    /**
     * The checklist of an open step: each gate, whether it is met now, what meets it, and the article.
     *
     * @param outcomeLabels the step's outcomes, code to Chinese label (as the BPMN declares them)
     */
    public List<ChecklistItem> checklist(Decision decision, Step step, Map<String, String> outcomeLabels) {
        GateContext ctx = context(decision, step, null, null);
        List<ChecklistItem> items = new ArrayList<>();
        for (StageGate gate : registry.ofTask(step.taskKey())) {
            boolean conditional = !gate.outcomes().isEmpty();
            boolean reasonGate = "REASON_REQUIRED".equals(gate.code());
            Boolean applies = gate.applies() == null ? Boolean.TRUE : gate.applies().apply(ctx);
            Boolean met = reasonGate || applies == null ? null : gate.met().test(ctx);
            String state = reasonGate ? AT_COMPLETION : applies == null ? UNDETERMINED : !applies ? NOT_APPLICABLE
                    : met ? MET : MISSING;
            Evidence evidence = gate.evidence() == null || !Boolean.TRUE.equals(applies) ? null : gate.evidence().apply(ctx)
                    .map(v -> new Evidence(ctx.materialOf(v).map(m -> m.title()).orElse(null), v.id(), v.versionNo(), v.fileName(),
                            directory.displayName(v.uploadedBy()), v.providedFor() == null ? null : directory.groupName(v.providedFor()),
                            v.uploadedAt(), v.sha256()))
                    .orElse(null);
            items.add(new ChecklistItem(step.taskName(), gate.requirement(), gate.article(), gate.code(), met, state, STATE_LABELS.get(state),
                    conditional ? String.join("、", gate.outcomes()) : null,
                    conditional ? outcomeLabels(gate.outcomes(), outcomeLabels) : null, step.round(), evidence));
        }
        return items;
    }

    /** "“风险不可控”或“…”", in the order the step declares its outcomes. */
    private static String outcomeLabels(java.util.Set<String> codes, Map<String, String> labels) {
        List<String> ordered = new ArrayList<>(labels.keySet().stream().filter(codes::contains).toList());
        codes.stream().filter(c -> !labels.containsKey(c)).sorted().forEach(ordered::add);
        return String.join("或", ordered.stream().map(c -> "“" + labels.getOrDefault(c, c) + "”").toList());
    }

    /** Where a checklist line stands; each line agrees with the others (待确定 until the fact it turns on is known). */
    public static final String MET = "MET", MISSING = "MISSING", AT_COMPLETION = "AT_COMPLETION", UNDETERMINED = "UNDETERMINED",
            NOT_APPLICABLE = "NOT_APPLICABLE";
    private static final Map<String, String> STATE_LABELS = Map.of(MET, "已具备", MISSING, "缺少", AT_COMPLETION, "办理时填写",
            UNDETERMINED, "待确定", NOT_APPLICABLE, "不适用");

    /**
     * @param met null where it can only be judged when the step is completed (a reason), or while the fact a conditional
     *            requirement turns on is not yet recorded
     * @param state MET, MISSING, AT_COMPLETION, UNDETERMINED (a conditional requirement whose condition is not yet
     *              known) or NOT_APPLICABLE (a conditional requirement that does not hold for the decision)
     * @param stateLabel the state as people read it (已具备, 缺少, 办理时填写, 待确定, 不适用)
     * @param onlyForOutcomes outcome codes the requirement applies to, or null for every outcome
     * @param onlyForOutcomeLabels the same outcomes as people read them ("“风险不可控”"), or null
     * @param round the round of the step (2 after the first loop back)
     * @param evidence what meets a material requirement now, or null
     */
    public record ChecklistItem(String step, String requirement, String article, String code, Boolean met, String state,
                                String stateLabel, String onlyForOutcomes, String onlyForOutcomeLabels, int round, Evidence evidence) {
    }

    /** The material version that meets a requirement: which, who provided it for which party, when, its hash. */
    public record Evidence(String material, long versionId, int version, String fileName, String providedBy,
                           String providedFor, OffsetDateTime providedAt, String sha256) {
    }
}

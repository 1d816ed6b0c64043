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

    /** The checklist of an open step: each gate, whether it is met now, what meets it, and the article. */
    public List<ChecklistItem> checklist(Decision decision, Step step) {
        GateContext ctx = context(decision, step, null, null);
        List<ChecklistItem> items = new ArrayList<>();
        for (StageGate gate : registry.ofTask(step.taskKey())) {
            boolean conditional = !gate.outcomes().isEmpty();
            boolean reasonGate = "REASON_REQUIRED".equals(gate.code());
            Boolean met = reasonGate ? null : gate.met().test(ctx);
            Evidence evidence = gate.evidence() == null ? null : gate.evidence().apply(ctx)
                    .map(v -> new Evidence(ctx.materialOf(v).map(m -> m.title()).orElse(null), v.id(), v.versionNo(), v.fileName(),
                            directory.displayName(v.uploadedBy()), v.providedFor() == null ? null : directory.groupName(v.providedFor()),
                            v.uploadedAt(), v.sha256()))
                    .orElse(null);
            items.add(new ChecklistItem(step.taskName(), gate.requirement(), gate.article(), gate.code(), met,
                    conditional ? String.join("、", gate.outcomes()) : null, step.round(), evidence));
        }
        return items;
    }

    /**
     * @param met null where it can only be judged when the step is completed (a reason)
     * @param onlyForOutcomes outcome codes the requirement applies to, or null for every outcome
     * @param round the round of the step (2 after the first loop back)
     * @param evidence what meets a material requirement now, or null
     */
    public record ChecklistItem(String step, String requirement, String article, String code, Boolean met,
                                String onlyForOutcomes, int round, Evidence evidence) {
    }

    /** The material version that meets a requirement: which, who provided it for which party, when, its hash. */
    public record Evidence(String material, long versionId, int version, String fileName, String providedBy,
                           String providedFor, OffsetDateTime providedAt, String sha256) {
    }
}

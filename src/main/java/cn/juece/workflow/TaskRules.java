package cn.juece.workflow;

import java.util.ArrayList;
import java.util.Collection;
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
 */
@Service
public class TaskRules {

    static final int MAX_REASON = 500;

    private final StageGateRegistry registry;
    private final MaterialService materials;
    private final Directory directory;

    TaskRules(StageGateRegistry registry, MaterialService materials, Directory directory) {
        this.registry = registry;
        this.materials = materials;
        this.directory = directory;
    }

    /**
     * Refuses the completion unless the actor may act for the step, the outcome is one the step declares,
     * and every gate guarding that outcome is met.
     */
    public void checkCompletion(Decision decision, String taskKey, String taskName, Collection<String> candidateGroups,
                                String assignee, Map<String, String> declaredOutcomes, String outcome, String reason,
                                Actor actor) {
        if (!decision.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + decision.status().label() + "）。");
        }
        if (!actor.isSystem()) {
            boolean mayAct = actor.id().equals(assignee) || actor.inAnyGroup(candidateGroups);
            if (!mayAct) {
                throw RuleViolation.forbidden("TASK_NOT_YOUR_GROUP",
                        "“" + taskName + "”由" + String.join("、", candidateGroups.stream().map(directory::groupName).toList()) + "办理，您（" + actor.name()
                                + "）不属于办理单位或角色，无权办理。");
            }
        }
        if (outcome == null || outcome.isBlank()) {
            throw RuleViolation.badRequest("OUTCOME_REQUIRED",
                    "请选择“" + taskName + "”的办理结果：" + String.join("、", declaredOutcomes.values()) + "。");
        }
        if (!declaredOutcomes.containsKey(outcome)) {
            throw RuleViolation.badRequest("OUTCOME_INVALID",
                    "“" + outcome + "”不是“" + taskName + "”的办理结果。可选：" + String.join("、", declaredOutcomes.values()) + "。");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw RuleViolation.badRequest("REASON_TOO_LONG",
                    "理由不超过" + MAX_REASON + "字；详细说明请作为材料上传到决策案卷。");
        }
        GateContext ctx = new GateContext(decision, taskKey, outcome, reason, () -> materials.materials(decision.id()));
        for (StageGate gate : registry.guarding(taskKey, outcome)) {
            if (!gate.met().test(ctx)) {
                throw new RuleViolation(gate.code(), gate.refusal().apply(ctx));
            }
        }
    }

    /** The checklist of an open step: each gate, whether it is met now, and the article that demands it. */
    public List<ChecklistItem> checklist(Decision decision, String taskKey, String taskName) {
        GateContext ctx = new GateContext(decision, taskKey, null, null, () -> materials.materials(decision.id()));
        List<ChecklistItem> items = new ArrayList<>();
        for (StageGate gate : registry.ofTask(taskKey)) {
            boolean conditional = !gate.outcomes().isEmpty();
            boolean reasonGate = "REASON_REQUIRED".equals(gate.code());
            Boolean met = reasonGate ? null : gate.met().test(ctx);
            items.add(new ChecklistItem(taskName, gate.requirement(), gate.article(), gate.code(), met,
                    conditional ? String.join("、", gate.outcomes()) : null));
        }
        return items;
    }

    /**
     * @param met null where it can only be judged when the step is completed (a reason)
     * @param onlyForOutcomes outcome codes the requirement applies to, or null for every outcome
     */
    public record ChecklistItem(String step, String requirement, String article, String code, Boolean met,
                                String onlyForOutcomes) {
    }
}

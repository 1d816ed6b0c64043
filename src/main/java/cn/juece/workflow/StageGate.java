package cn.juece.workflow;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import cn.juece.dossier.MaterialVersion;

/**
 * One check for leaving a stage's step (DECISIONS.md 8): which task and outcomes it guards, the article
 * behind it, a stable code, what it requires (for the dossier checklist) and the Chinese refusal.
 *
 * @param outcomes the outcome codes it guards; empty means every outcome of the task
 * @param evidence for a material requirement, the version that meets it now (shown on the checklist), else null
 * @param applies  for a requirement that holds only in some cases ("应当听证的，…"), whether it holds for this decision:
 *                 true, false, or null while the fact it turns on is not yet recorded (the checklist says 待确定, never
 *                 已具备); null for a requirement that always holds. {@link #met} decides the completion alone.
 */
public record StageGate(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                        Predicate<GateContext> met, Function<GateContext, String> refusal,
                        Function<GateContext, Optional<MaterialVersion>> evidence, Function<GateContext, Boolean> applies) {

    public StageGate(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                     Predicate<GateContext> met, Function<GateContext, String> refusal) {
        this(taskKey, outcomes, article, code, requirement, met, refusal, null, null);
    }

    public StageGate(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                     Predicate<GateContext> met, Function<GateContext, String> refusal,
                     Function<GateContext, Optional<MaterialVersion>> evidence) {
        this(taskKey, outcomes, article, code, requirement, met, refusal, evidence, null);
    }

    public boolean guards(String taskKey, String outcome) {
        return this.taskKey.equals(taskKey) && (outcomes.isEmpty() || outcome == null || outcomes.contains(outcome));
    }

    /** Guards the task whatever the outcome (shown in the checklist before an outcome is chosen). */
    public boolean alwaysGuards(String taskKey) {
        return this.taskKey.equals(taskKey) && outcomes.isEmpty();
    }
}

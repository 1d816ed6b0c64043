package cn.juece.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.juece.access.EngineGrants;

/**
 * Keeps the dossier's stage and status in step with the lifecycle process: attached (by the parse
 * listener, not by hand) to every call activity and end event of the main process.
 */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

    private final DecisionService decisions;
    private final ObjectProvider<EngineGrants> grants;

    StageTracker(DecisionService decisions, ObjectProvider<EngineGrants> grants) {
        this.decisions = decisions;
        this.grants = grants;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String activityId = execution.getCurrentActivityId();
        Decision d = decisions.of(execution);
        if (activityId.startsWith("call-")) {
            String stageKey = "stage-" + activityId.substring("call-".length()).replace("-supplement", "");
            Stage stage = Stage.ofProcessKey(stageKey);
            if (stage != null) {
                decisions.enterStage(d, stage);
            }
            // The stage's process instance starts now: the units with a role read it (DECISIONS.md 23).
            grants.getObject().syncAfterCommit(d.number());
        } else {
            DecisionStatus status = DecisionStatus.ofEndEvent(activityId);
            if (status != null) {
                decisions.finish(d, status);
            }
        }
    }
}

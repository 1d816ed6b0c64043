package cn.juece.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;


/**
 * Keeps the dossier's stage and status in step with the lifecycle process: attached (by the parse
 * listener, not by hand) to every call activity, milestone (how the procedure ended) and end event of the main process.
 */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

    private final DecisionService decisions;
    StageTracker(DecisionService decisions) {
        this.decisions = decisions;
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
        } else {
            DecisionStatus status = DecisionStatus.ofEndEvent(activityId);
            if (status != null) {
                decisions.finish(d, status);
            }
        }
    }
}

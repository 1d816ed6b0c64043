package cn.juece.launch;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Keeps the decision organ's launch decision (Art. 11) as a row when launch-decide closes (DECISIONS.md 25). */
@Component
class LaunchDecisionRecorder implements StepCompletionHandler {

    private final LaunchService launch;

    LaunchDecisionRecorder(LaunchService launch) {
        this.launch = launch;
    }

    @Override
    public boolean handles(String taskKey) {
        return LaunchService.DECIDE_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        launch.recordDecision(step);
    }
}

package cn.juece.risk;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the risk level (Art. 38) and the controllability finding (Art. 40) when their steps close. */
@Component
class RiskRecorder implements StepCompletionHandler {

    private final RiskService risk;

    RiskRecorder(RiskService risk) {
        this.risk = risk;
    }

    @Override
    public boolean handles(String taskKey) {
        return RiskService.ASSESS_TASK.equals(taskKey) || RiskService.FINDING_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        if (RiskService.ASSESS_TASK.equals(step.taskKey())) {
            risk.recordAssessment(step);
        } else {
            risk.recordFinding(step);
        }
    }
}

package cn.juece.legality;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the legality review's conclusion (Art. 45) and the organ's disposition of it when their steps close. */
@Component
class LegalityRecorder implements StepCompletionHandler {

    private final LegalityService legality;

    LegalityRecorder(LegalityService legality) {
        this.legality = legality;
    }

    @Override
    public boolean handles(String taskKey) {
        return LegalityService.REVIEW_TASK.equals(taskKey) || LegalityService.DISPOSITION_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        if (LegalityService.REVIEW_TASK.equals(step.taskKey())) {
            legality.recordConclusion(step);
        } else {
            legality.recordDisposition(step);
        }
    }
}

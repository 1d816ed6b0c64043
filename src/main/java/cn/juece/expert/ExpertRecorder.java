package cn.juece.expert;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the close of 组织专家论证 (the panel, the opinions and their adoption) as a fact of the dossier. */
@Component
class ExpertRecorder implements StepCompletionHandler {

    private final ExpertReviewService reviews;

    ExpertRecorder(ExpertReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public boolean handles(String taskKey) {
        return ExpertReviewService.TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        reviews.recordClose(step);
    }
}

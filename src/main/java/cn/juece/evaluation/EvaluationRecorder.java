package cn.juece.evaluation;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the organ's decisions on post-evaluation (Art. 56, 57) when their steps close. */
@Component
class EvaluationRecorder implements StepCompletionHandler {

    private final EvaluationService evaluation;

    EvaluationRecorder(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public boolean handles(String taskKey) {
        return EvaluationService.DECIDE_TASK.equals(taskKey) || EvaluationService.RESOLVE_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        evaluation.record(step);
    }
}

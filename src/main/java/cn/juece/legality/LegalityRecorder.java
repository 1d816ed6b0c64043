package cn.juece.legality;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/**
 * Writes the facts of stage 7 when their steps close: the legality review's conclusion (Art. 45) and the organ's
 * disposition of it, each co-unit's countersignature (Art. 41, 42), and a supplement received (Art. 42: the
 * review's time stops from the request to that day).
 */
@Component
class LegalityRecorder implements StepCompletionHandler {

    private static final Set<String> TASKS = Set.of(LegalityService.REVIEW_TASK, LegalityService.DISPOSITION_TASK,
            LegalityRecords.COUNTERSIGN_TASK, LegalityRecords.SUPPLEMENT_TASK);

    private final LegalityService legality;
    private final LegalityRecords records;

    LegalityRecorder(LegalityService legality, LegalityRecords records) {
        this.legality = legality;
        this.records = records;
    }

    @Override
    public boolean handles(String taskKey) {
        return TASKS.contains(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        switch (step.taskKey()) {
            case LegalityService.REVIEW_TASK -> legality.recordConclusion(step);
            case LegalityService.DISPOSITION_TASK -> legality.recordDisposition(step);
            case LegalityRecords.COUNTERSIGN_TASK -> records.recordCountersign(step);
            default -> records.supplied(step);
        }
    }
}

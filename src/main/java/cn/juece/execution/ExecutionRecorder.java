package cn.juece.execution;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes execution reports and the organ's changes to a decision in execution (Art. 53-55) as their steps close. */
@Component
class ExecutionRecorder implements StepCompletionHandler {

    private static final Set<String> TASKS = Set.of(ExecutionService.REPORT_TASK, ExecutionService.ADJUST_TASK,
            ExecutionService.SUSPENDED_TASK);

    private final ExecutionService execution;

    ExecutionRecorder(ExecutionService execution) {
        this.execution = execution;
    }

    @Override
    public boolean handles(String taskKey) {
        return TASKS.contains(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        execution.record(step);
    }
}

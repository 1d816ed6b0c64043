package cn.juece.execution;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/**
 * Writes the execution steps' closings (Art. 53-55) as facts, and does what they decide: the start of a run of
 * execution, and a resumption after a suspension (the reports' dates move, their timers run again).
 */
@Component
class ExecutionRecorder implements StepCompletionHandler {

    private static final Set<String> TASKS = Set.of(ExecutionService.ASSIGN_TASK, ExecutionService.REPORT_TASK,
            ExecutionService.ADJUST_TASK, ExecutionService.SUSPENDED_TASK);

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

package cn.juece.meeting;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the meeting's decision (Art. 50) and the revision after 原则同意 when their steps close. */
@Component
class MeetingRecorder implements StepCompletionHandler {

    private final MeetingService meetings;

    MeetingRecorder(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public boolean handles(String taskKey) {
        return MeetingService.DECIDE_TASK.equals(taskKey) || MeetingService.REVISE_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        if (MeetingService.DECIDE_TASK.equals(step.taskKey())) {
            meetings.recordDecision(step);
        } else {
            meetings.recordRevision(step);
        }
    }
}

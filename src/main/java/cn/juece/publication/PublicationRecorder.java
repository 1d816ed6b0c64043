package cn.juece.publication;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes the issuance, the publication and the feedback's publication (Art. 51, 52) when their steps close. */
@Component
class PublicationRecorder implements StepCompletionHandler {

    private static final Set<String> TASKS = Set.of(PublicationService.ISSUE_TASK, PublicationService.PUBLISH_TASK,
            PublicationService.FEEDBACK_TASK);

    private final PublicationService publications;

    PublicationRecorder(PublicationService publications) {
        this.publications = publications;
    }

    @Override
    public boolean handles(String taskKey) {
        return TASKS.contains(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        publications.record(step);
    }
}

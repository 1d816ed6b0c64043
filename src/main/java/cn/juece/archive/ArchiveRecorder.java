package cn.juece.archive;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/** Writes archive-file's closing onto the archive record (Art. 59, DECISIONS.md 25). */
@Component
class ArchiveRecorder implements StepCompletionHandler {

    private final ArchiveService archive;

    ArchiveRecorder(ArchiveService archive) {
        this.archive = archive;
    }

    @Override
    public boolean handles(String taskKey) {
        return ArchiveService.FILE_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        archive.recordFiled(step);
    }
}

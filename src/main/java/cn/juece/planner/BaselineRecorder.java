package cn.juece.planner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/**
 * Keeps the plan made when the decision organ launches the matter (Art. 11, launch-decide closed with LAUNCH), in the
 * launch's transaction, so that a later slip can be measured against it (issue 16).
 */
@Component
class BaselineRecorder implements StepCompletionHandler {

    private static final Logger log = LoggerFactory.getLogger(BaselineRecorder.class);
    static final String LAUNCH_TASK = "launch-decide";

    private final ObjectProvider<PlannerService> planner;

    BaselineRecorder(ObjectProvider<PlannerService> planner) {
        this.planner = planner;
    }

    @Override
    public boolean handles(String taskKey) {
        return LAUNCH_TASK.equals(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        if (!"LAUNCH".equals(step.outcome())) {
            return;
        }
        try {
            planner.getObject().recordBaseline(step.decision());
        } catch (RuntimeException e) {
            // the plan is an aid: a failure to compute it never stops the launch
            log.warn("Could not keep the launch-time plan of {}: {}", step.decision().number(), e.toString());
        }
    }
}

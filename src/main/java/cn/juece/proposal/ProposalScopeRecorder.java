package cn.juece.proposal;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/**
 * Keeps the Art. 3 finding of stage-proposal's two steps as rows (DECISIONS.md 25): the study unit's finding
 * with the category at that moment, and the justice bureau's confirmation or return. Runs after the rule
 * check, in the engine's transaction: a refused completion writes nothing.
 */
@Component
class ProposalScopeRecorder implements StepCompletionHandler {

    private static final Set<String> TASKS = Set.of(ProposalService.STUDY_TASK, ProposalService.CONFIRM_TASK);

    private final ProposalService proposals;

    ProposalScopeRecorder(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public boolean handles(String taskKey) {
        return TASKS.contains(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        proposals.recordScope(step);
    }
}

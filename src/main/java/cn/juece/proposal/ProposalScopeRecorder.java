package cn.juece.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;

/**
 * Task listener (complete) of stage-proposal's two tasks: keeps the Art. 3 finding, out of scope with its
 * reason, in the dossier so that it is shown to the proposer. Runs in the engine's transaction: a refused
 * completion rolls it back.
 */
@Component("proposalScopeRecorder")
class ProposalScopeRecorder implements TaskListener {

    private final ProposalService proposals;
    private final DecisionService decisions;

    ProposalScopeRecorder(ProposalService proposals, DecisionService decisions) {
        this.proposals = proposals;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        var vars = DecisionVariables.of(task);
        proposals.recordScope(decisions.get(task.getExecution().getProcessBusinessKey()).id(),
                task.getTaskDefinitionKey(), vars.outcome(), vars.reason());
    }
}

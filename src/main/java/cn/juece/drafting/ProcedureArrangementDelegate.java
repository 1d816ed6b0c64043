package cn.juece.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;

/**
 * Service task "读取程序安排" of stage-drafting: puts the three arrangements into the process as flags
 * that the lifecycle's parallel branches test. A thin adapter: the dossier is the truth.
 */
@Component("procedureArrangementDelegate")
class ProcedureArrangementDelegate implements JavaDelegate {

    private final ArrangementService arrangements;
    private final DecisionService decisions;

    ProcedureArrangementDelegate(ArrangementService arrangements, DecisionService decisions) {
        this.arrangements = arrangements;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var a = arrangements.arrangements(decisions.of(execution).id());
        DecisionVariables.of(execution).arrangements(
                a.get(Procedure.PARTICIPATION).required(), a.get(Procedure.EXPERT).required(), a.get(Procedure.RISK).required());
    }
}

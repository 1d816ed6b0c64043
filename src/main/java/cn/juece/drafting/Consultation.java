package cn.juece.drafting;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;

/**
 * stage-drafting's consultation (Art. 16), referenced from the BPMN: {@code ${consultation.units(execution)}}
 * is the multi-instance collection (the units recorded in the dossier, one task each, the unit in the
 * variable {@code consultedUnit}); as the consultation task's complete listener it records the unit's answer.
 */
@Component("consultation")
public class Consultation implements TaskListener {

    private final DraftingService drafting;
    private final DecisionService decisions;

    Consultation(DraftingService drafting, DecisionService decisions) {
        this.drafting = drafting;
        this.decisions = decisions;
    }

    public List<String> units(DelegateExecution execution) {
        return drafting.consultation(decisions.of(execution).id()).stream().map(ConsultationAnswer::unitCode).toList();
    }

    @Override
    public void notify(DelegateTask task) {
        Decision d = decisions.get(task.getExecution().getProcessBusinessKey());
        var vars = DecisionVariables.of(task);
        drafting.answer(d.id(), d.number(), (String) task.getVariable(DecisionVariables.CONSULTED_UNIT), vars.outcome(), vars.reason());
    }
}

package cn.juece.legality;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.juece.decision.DecisionService;

/**
 * stage-legality's countersignature (Art. 41, 42), referenced from the BPMN: {@code ${countersign.units(execution)}}
 * is the multi-instance collection: the decision's other 承办 units, one step each (the unit in the variable
 * {@code countersignUnit}); none when the lead unit is the only one.
 */
@Component("countersign")
public class Countersign {

    private final DecisionService decisions;

    Countersign(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<String> units(DelegateExecution execution) {
        return List.copyOf(decisions.of(execution).coUnits());
    }
}

package cn.juece.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The stages a decision is in now: the stage processes running under its number. Stages 4-6 run in parallel
 * (DECISIONS.md 3), so a decision may be in several at once; the dossier row's stage is only the last entered.
 */
@Service
public class DecisionStages {

    private final HistoryService history;

    DecisionStages(HistoryService history) {
        this.history = history;
    }

    public List<Stage> current(Decision d) {
        return current(List.of(d)).getOrDefault(d.number(), List.of(d.stage()));
    }

    /** Decision number → its current stages, in their order; a decision between stages keeps its last one. */
    public Map<String, List<Stage>> current(List<Decision> decisions) {
        Map<String, List<Stage>> result = new LinkedHashMap<>();
        if (decisions.isEmpty()) {
            return result;
        }
        decisions.forEach(d -> result.put(d.number(), new ArrayList<>()));
        List<String> open = decisions.stream().filter(Decision::isOpen).map(Decision::number).toList();
        for (int i = 0; i < open.size(); i += 500) {
            List<String> chunk = open.subList(i, Math.min(open.size(), i + 500));
            for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKeyIn(chunk.toArray(String[]::new)).unfinished().list()) {
                Stage s = Stage.ofProcessKey(pi.getProcessDefinitionKey());
                List<Stage> stages = result.get(pi.getBusinessKey());
                if (s != null && stages != null && !stages.contains(s)) {
                    stages.add(s);
                }
            }
        }
        for (Decision d : decisions) {
            List<Stage> stages = result.get(d.number());
            if (stages.isEmpty()) {
                stages.add(d.stage());
            }
            stages.sort(null);
        }
        return result;
    }
}

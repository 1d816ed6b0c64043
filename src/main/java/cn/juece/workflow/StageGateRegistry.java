package cn.juece.workflow;

import java.util.List;

import org.springframework.stereotype.Component;

/** The one registry of stage gates, read by the task listener, /api and the dossier checklist. */
@Component
public class StageGateRegistry {

    private final List<StageGate> gates;

    StageGateRegistry(List<StageGates> contributions) {
        this.gates = contributions.stream().flatMap(c -> c.gates().stream()).toList();
    }

    /** The gates that guard closing the task with this outcome. */
    public List<StageGate> guarding(String taskKey, String outcome) {
        return gates.stream().filter(g -> g.guards(taskKey, outcome)).toList();
    }

    /** Every gate of a task, whatever the outcome (for the checklist). */
    public List<StageGate> ofTask(String taskKey) {
        return gates.stream().filter(g -> g.taskKey().equals(taskKey)).toList();
    }

    public List<StageGate> all() {
        return gates;
    }
}

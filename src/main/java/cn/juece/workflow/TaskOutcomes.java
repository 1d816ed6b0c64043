package cn.juece.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The outcomes a user task declares in the BPMN, as extension properties {@code outcome.CODE = 中文标签}.
 * The map stays in the .bpmn file (the readable map); Tasklist's form and /api read it from there.
 */
public final class TaskOutcomes {

    public static final String PREFIX = "outcome.";

    private TaskOutcomes() {
    }

    /** Code → Chinese label, in the order written. */
    public static Map<String, String> of(FlowElement task) {
        if (task == null) {
            return Map.of();
        }
        ExtensionElements ext = task.getExtensionElements();
        if (ext == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        ext.getElementsQuery().filterByType(CamundaProperties.class).list().forEach(props -> {
            for (CamundaProperty p : props.getCamundaProperties()) {
                if (p.getCamundaName() != null && p.getCamundaName().startsWith(PREFIX)) {
                    result.put(p.getCamundaName().substring(PREFIX.length()), p.getCamundaValue());
                }
            }
        });
        return Collections.unmodifiableMap(result);
    }
}

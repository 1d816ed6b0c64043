package cn.juece.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.juece.calendar.PeriodFile;
import cn.juece.calendar.PeriodKind;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * A minimum period holds its step (Art. 34, 44 and any MINIMUM in config/periods.yaml): every user task
 * in bpmn/ that names a period gets this gate; it is met when the step has no running minimum, the
 * minimum has run (today is on or after the earliest close), or an approved shortening is recorded.
 */
@Component
class PeriodGates implements StageGates {

    static final String CODE = "PERIOD_MINIMUM_NOT_MET";

    private final StepPeriods stepPeriods;

    PeriodGates(StepPeriods stepPeriods) {
        this.stepPeriods = stepPeriods;
    }

    @Override
    public List<StageGate> gates() {
        List<StageGate> gates = new ArrayList<>();
        // Only a minimum holds its step; the kinds are read from config/periods.yaml (a code the file lacks
        // still gets the gate, which passes for anything that is not a minimum).
        Map<String, PeriodKind> kinds = new HashMap<>();
        Map<String, String> articles = new HashMap<>();
        PeriodFile.fromClasspath().forEach(p -> {
            kinds.put(p.code(), p.kind());
            articles.put(p.code(), p.article() + "（" + p.nameZh() + "）");
        });
        for (Map.Entry<String, String> e : tasksNamingAPeriod().entrySet()) {
            PeriodKind kind = kinds.get(e.getValue());
            if (kind != null && kind != PeriodKind.MINIMUM) {
                continue;
            }
            String taskKey = e.getKey();
            gates.add(new StageGate(taskKey, Set.of(), articles.getOrDefault(e.getValue(), e.getValue()), CODE,
                    "法定最短期限已届满（或经本单位负责人批准缩短）",
                    ctx -> stepPeriods.mayClose(ctx.decision().id(), ctx.taskKey()),
                    ctx -> stepPeriods.refusal(ctx.decision().id(), ctx.taskKey())));
        }
        return gates;
    }

    /** Task key → the period code it names, over every .bpmn in bpmn/. */
    static Map<String, String> tasksNamingAPeriod() {
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    for (UserTask t : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
                        if (t.getExtensionElements() == null) {
                            continue;
                        }
                        for (CamundaProperties props : t.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()) {
                            for (CamundaProperty p : props.getCamundaProperties()) {
                                if (StepPeriods.PROPERTY.equals(p.getCamundaName())) {
                                    keys.put(t.getId(), p.getCamundaValue().strip());
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bpmn/ from the classpath", e);
        }
        return keys;
    }
}

package cn.juece.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.support.AppClock;

/**
 * The state of a decision's run, compactly: each running process instance with its business key (the
 * lifecycle and the stages it calls), its active activities and its variables (local ones as name@activity).
 * Taken before and after an operator's act for the audit trail.
 */
@Component
class RunState {

    /** Longest text value kept in the state (the audit entry has a bounded length). */
    private static final int MAX_TEXT = 60;

    private final RuntimeService runtime;
    private final ObjectMapper json;

    RunState(RuntimeService runtime, ObjectMapper json) {
        this.runtime = runtime;
        this.json = json;
    }

    /** Instance id → its state, for the running instances of one business key, in a stable order. */
    Map<String, Map<String, Object>> of(String businessKey) {
        List<ProcessInstance> instances = new ArrayList<>(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list());
        instances.sort(Comparator.comparing((ProcessInstance p) -> definitionKey(p.getProcessDefinitionId()))
                .thenComparing(ProcessInstance::getId));
        Map<String, Map<String, Object>> state = new LinkedHashMap<>();
        if (instances.isEmpty()) {
            return state;
        }
        Map<String, Map<String, Object>> variables = variables(instances.stream().map(ProcessInstance::getId).toArray(String[]::new));
        for (ProcessInstance pi : instances) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("process", definitionKey(pi.getProcessDefinitionId()));
            s.put("activities", runtime.getActiveActivityIds(pi.getId()).stream().sorted().toList());
            if (pi.isSuspended()) {
                s.put("suspended", true);
            }
            s.put("variables", variables.getOrDefault(pi.getId(), Map.of()));
            state.put(pi.getId(), s);
        }
        return state;
    }

    /**
     * "操作前：{…}；操作后：{…}" within {@code budget} characters: the whole states if they fit, else only the
     * instances and variables that changed (said so), else as much as fits.
     */
    String beforeAndAfter(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after, int budget) {
        String whole = "操作前：" + write(before) + "；操作后：" + write(after);
        if (whole.length() <= budget) {
            return whole;
        }
        Map<String, Map<String, Object>> changedBefore = new LinkedHashMap<>();
        Map<String, Map<String, Object>> changedAfter = new LinkedHashMap<>();
        for (String id : union(before, after)) {
            Map<String, Object> b = before.get(id);
            Map<String, Object> a = after.get(id);
            if (Objects.equals(b, a)) {
                continue;
            }
            if (b == null || a == null) {
                if (b != null) {
                    changedBefore.put(id, b);
                }
                if (a != null) {
                    changedAfter.put(id, a);
                }
                continue;
            }
            changedBefore.put(id, onlyChanged(b, a));
            changedAfter.put(id, onlyChanged(a, b));
        }
        return "（仅列出有变化的流程实例和变量）操作前：" + write(changedBefore) + "；操作后：" + write(changedAfter);
    }

    /** The state with only the variables that differ from the other's (process and activities always kept). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyChanged(Map<String, Object> state, Map<String, Object> other) {
        Map<String, Object> result = new LinkedHashMap<>(state);
        Map<String, Object> vars = (Map<String, Object>) state.getOrDefault("variables", Map.of());
        Map<String, Object> otherVars = (Map<String, Object>) other.getOrDefault("variables", Map.of());
        Map<String, Object> changed = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (!otherVars.containsKey(k) || !Objects.equals(otherVars.get(k), v)) {
                changed.put(k, v);
            }
        });
        result.put("variables", changed);
        return result;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> ids = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(ids::add);
        return ids;
    }

    String write(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the state of a run", e);
        }
    }

    private Map<String, Map<String, Object>> variables(String... instanceIds) {
        Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
        List<VariableInstance> list = new ArrayList<>(runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds)
                .disableBinaryFetching().disableCustomObjectDeserialization().list());
        list.sort(Comparator.comparing(VariableInstance::getName).thenComparing(v -> String.valueOf(v.getActivityInstanceId())));
        for (VariableInstance v : list) {
            String name = v.getName();
            String scope = v.getActivityInstanceId();
            if (scope != null && !scope.equals(v.getProcessInstanceId())) {
                int colon = scope.indexOf(':');
                name = name + "@" + (colon > 0 ? scope.substring(0, colon) : scope);
            }
            byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new LinkedHashMap<>()).put(name, value(v));
        }
        return byInstance;
    }

    private static Object value(VariableInstance v) {
        if (v.getErrorMessage() != null || !SHOWN_TYPES.contains(v.getTypeName())) {
            return "<" + v.getTypeName() + ">";
        }
        Object value = v.getValue();
        if (value instanceof String s) {
            return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(AppClock.ZONE).toOffsetDateTime().toString();
        }
        return value;
    }

    /** Values shown as they are; others (objects, files, bytes, JSON) by their type name only. */
    private static final Set<String> SHOWN_TYPES =
            Set.of("string", "integer", "long", "short", "double", "boolean", "date", "null");

    private static String definitionKey(String definitionId) {
        int colon = definitionId == null ? -1 : definitionId.indexOf(':');
        return colon > 0 ? definitionId.substring(0, colon) : definitionId;
    }
}

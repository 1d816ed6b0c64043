package cn.juece.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.operations.EngineOperations.Target;

/** The table of engine operations and the state's compaction, without a Spring context. */
class EngineOperationTableTest {

    @Test
    void recognisesAnOperationWhateverFormItsPathTakes() {
        for (String path : List.of("/process-instance/p1/variables/outcome", "/process-instance/p1/variables/outcome/",
                "//process-instance/p1//variables/outcome", "/process-instance/p1;x=1/variables/outcome")) {
            var m = EngineOperations.match("PUT", EngineOperations.belowEngineRoot(path), false);
            assertThat(m).as(path).isPresent();
            assertThat(m.get().id()).isEqualTo("p1");
            assertThat(m.get().what()).isEqualTo("设置流程变量“outcome”");
        }
        var named = EngineOperations.match("delete", EngineOperations.belowEngineRoot("/engine/default/process-instance/p1"), false);
        assertThat(named.get().operation().target()).isEqualTo(Target.INSTANCE);
        assertThat(named.get().id()).isEqualTo("p1");
        assertThat(EngineOperations.match("POST", "/process-definition/key/decision-lifecycle/restart", false).get().operation().target())
                .isEqualTo(Target.LISTED_HISTORIC_INSTANCES);
        assertThat(EngineOperations.match("POST", "/process-definition/key/k/tenant-id/t/restart-async", false).get().operation().target())
                .isEqualTo(Target.BATCH);
        assertThat(EngineOperations.match("PUT", "/job/j1/duedate", false).get().operation().target()).isEqualTo(Target.JOB);
    }

    @Test
    void leavesReadsAndOrdinaryWorkAlone() {
        assertThat(EngineOperations.match("GET", "/process-instance/p1/variables/outcome", false)).isEmpty();
        assertThat(EngineOperations.match("POST", "/task/t1/complete", false)).isEmpty();
        assertThat(EngineOperations.match("POST", "/task/t1/submit-form", false)).isEmpty();
        assertThat(EngineOperations.match("POST", "/process-instance", false)).isEmpty();
        assertThat(EngineOperations.match("POST", "/process-instance/count", false)).isEmpty();
        // deleting a definition or deployment is a mass rewrite only with its instances (cascade)
        assertThat(EngineOperations.match("DELETE", "/deployment/d1", false)).isEmpty();
        assertThat(EngineOperations.match("DELETE", "/deployment/d1", true).get().operation().target()).isEqualTo(Target.MASS);
        assertThat(OperatorGate.cascadeRequested("skipCustomListeners=false&cascade=true")).isTrue();
        assertThat(OperatorGate.cascadeRequested("cascade=false")).isFalse();
    }

    @Test
    void theStatesFitTheAuditEntryShowingWhatChangedWhenTheWholeDoesNot() {
        var state = new RunState(null, new ObjectMapper());
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        Map<String, Map<String, Object>> after = new LinkedHashMap<>();
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("variable" + i, "不变的值" + i);
        }
        before.put("lifecycle", Map.of("process", "decision-lifecycle", "activities", List.of("call-drafting"), "variables", many));
        after.put("lifecycle", Map.of("process", "decision-lifecycle", "activities", List.of("call-drafting"), "variables", many));
        Map<String, Object> changed = new LinkedHashMap<>(many);
        changed.put("outcome", "SUBMITTED");
        before.put("stage", Map.of("process", "stage-drafting", "activities", List.of("drafting-draft"), "variables", many));
        after.put("stage", Map.of("process", "stage-drafting", "activities", List.of("drafting-initial-review"), "variables", changed));

        String whole = state.beforeAndAfter(before, after, 100_000);
        assertThat(whole).startsWith("操作前：").contains("variable39");
        String compact = state.beforeAndAfter(before, after, 600);
        assertThat(compact).startsWith("（仅列出有变化的流程实例和变量）操作前：").doesNotContain("lifecycle", "variable1\"")
                .contains("drafting-draft", "drafting-initial-review", "\"outcome\":\"SUBMITTED\"");
        assertThat(compact.length()).isLessThan(600);
    }
}

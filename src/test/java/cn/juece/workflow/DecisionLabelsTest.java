package cn.juece.workflow;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.decision.DecisionService;

/**
 * Each Tasklist card names its decision (issue 11): the task carries the decision's number and title, read with the
 * task itself, so a clerk of the candidate group sees them with no grant on the process instance; every process of
 * a decision is labelled from its start; an older database is labelled at start-up, once.
 */
class DecisionLabelsTest extends IntegrationTest {

    private static final List<String> LABELS = List.of("decisionNumber", "decisionTitle");

    @Autowired
    private AuthorizationService authorizations;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private FilterService filters;
    @Autowired
    private DecisionLabels labels;

    @Test
    void aClerkOfTheCandidateGroupSeesTheCardLabelsWithoutAnyGrantOnTheInstance() {
        String n = driver().create("农村公路养护资金分配办法");
        // no instance grants at all, as for a unit whose grants were never synced
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list()) {
            authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(pi.getId()).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
        for (String filter : List.of("本单位待办", "全部可见任务")) {
            String id = filters.createTaskFilterQuery().filterName(filter).singleResult().getId();
            JsonNode list = as(LEAD).raw().post().uri("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.valueOf("application/hal+json"))
                    .body(Map.of("processInstanceBusinessKey", n)).retrieve().body(JsonNode.class);
            JsonNode cards = list.get("_embedded").get("task");
            assertThat(cards).as(filter).hasSize(1);
            Map<String, String> shown = new HashMap<>();
            cards.get(0).get("_embedded").get("variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
            assertThat(shown).as(filter).containsEntry("decisionNumber", n).containsEntry("decisionTitle", "农村公路养护资金分配办法");
        }
    }

    @Test
    void everyProcessOfADecisionIsLabelledFromItsStart() {
        String n = driver().create("城乡供水一体化实施方案");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .processDefinitionKey(DecisionService.LIFECYCLE_PROCESS).singleResult();
        assertThat(runtime.getVariablesLocal(lifecycle.getId(), LABELS))
                .containsEntry("decisionNumber", n).containsEntry("decisionTitle", "城乡供水一体化实施方案");
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list()) {
            assertThat(runtime.getVariablesLocal(pi.getId(), LABELS)).as(pi.getProcessDefinitionId()).hasSize(2);
        }
    }

    @Test
    void theStartUpPassLabelsWhatAnOlderDatabaseLeftUnlabelledAndNothingTwice() {
        String n = driver().create("县城集中供暖管网改造方案");
        String task = tasks.createTaskQuery().processInstanceBusinessKey(n).singleResult().getId();
        List<String> instances = new ArrayList<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list()) {
            runtime.removeVariablesLocal(pi.getId(), LABELS);
            instances.add(pi.getId());
        }
        tasks.removeVariablesLocal(task, LABELS);
        assertThat(tasks.getVariablesLocal(task, LABELS)).isEmpty();

        labels.run(null);
        assertThat(tasks.getVariablesLocal(task, LABELS))
                .containsEntry("decisionNumber", n).containsEntry("decisionTitle", "县城集中供暖管网改造方案");
        for (String pi : instances) {
            assertThat(runtime.getVariablesLocal(pi, LABELS)).containsEntry("decisionTitle", "县城集中供暖管网改造方案");
        }
        long count = runtime.createVariableInstanceQuery().variableName("decisionTitle").count();
        labels.run(null);
        assertThat(runtime.createVariableInstanceQuery().variableName("decisionTitle").count()).isEqualTo(count);
    }
}

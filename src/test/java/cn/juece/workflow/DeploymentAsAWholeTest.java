package cn.juece.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import cn.juece.IntegrationTest;
import cn.juece.decision.DecisionService;

/**
 * bpmn/ is deployed as a whole or not at all: a task's embedded form is looked up in its process definition's own
 * deployment, so processes and the form must always travel together (issue 11: a fixed form reaches new steps).
 */
class DeploymentAsAWholeTest extends IntegrationTest {

    private static final String FORM = "forms/decision-task.html";

    @Autowired
    private JueceEnginePlugin plugin;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private RepositoryService repository;

    @Test
    void unchangedFilesDeployNothing() {
        long before = repository.createDeploymentQuery().deploymentName(JueceEnginePlugin.DEPLOYMENT_NAME).count();
        plugin.postProcessEngineBuild(engine);
        assertThat(repository.createDeploymentQuery().deploymentName(JueceEnginePlugin.DEPLOYMENT_NAME).count()).isEqualTo(before);
    }

    @Test
    void aLatestDeploymentHoldingOnlySomeFilesIsFollowedByAWholeOne() throws Exception {
        // what the earlier changed-only deployment left behind when only the form had changed
        Deployment partial = repository.createDeployment().name(JueceEnginePlugin.DEPLOYMENT_NAME).source("juece")
                .addString(FORM, "<form>an older form</form>").deploy();
        Deployment whole = null;
        try {
            plugin.postProcessEngineBuild(engine);
            whole = repository.createDeploymentQuery().deploymentName(JueceEnginePlugin.DEPLOYMENT_NAME)
                    .orderByDeploymentTime().desc().listPage(0, 1).get(0);
            assertThat(whole.getId()).isNotEqualTo(partial.getId());
            assertThat(repository.getDeploymentResourceNames(whole.getId()))
                    .contains(FORM, "decision-lifecycle.bpmn", "stage-proposal.bpmn");
            String lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey(DecisionService.LIFECYCLE_PROCESS)
                    .latestVersion().singleResult().getDeploymentId();
            assertThat(lifecycle).isEqualTo(whole.getId());
            try (InputStream deployed = repository.getResourceAsStream(whole.getId(), FORM);
                 InputStream ours = new ClassPathResource("bpmn/" + FORM).getInputStream()) {
                assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(ours.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            if (whole != null && !whole.getId().equals(partial.getId())) {
                repository.deleteDeployment(whole.getId());
            }
            repository.deleteDeployment(partial.getId());
        }
    }
}

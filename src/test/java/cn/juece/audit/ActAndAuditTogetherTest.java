package cn.juece.audit;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.IntegrationTest;
import cn.juece.decision.DecisionService;
import cn.juece.decision.NewDecision;
import cn.juece.decision.ProposalSource;
import cn.juece.workflow.TaskActions;

/**
 * An act, its dossier rows, its engine step and its audit entry commit together or not at all: when the
 * surrounding transaction fails after the act, nothing of it remains.
 */
class ActAndAuditTogetherTest extends IntegrationTest {

    @Autowired
    TransactionTemplate tx;
    @Autowired
    DecisionService decisions;
    @Autowired
    TaskActions tasks;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedCreationLeavesNoRowNoProcessAndNoAuditEntry() {
        long decisionsBefore = count("SELECT COUNT(*) FROM juece.decision");
        long auditBefore = count("SELECT COUNT(*) FROM juece.audit_entry");
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        String[] number = new String[1];
        signIn(LEAD);
        try {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                number[0] = decisions.create(new NewDecision("注定失败的事项", null, null, ProposalSource.LEADER, null, null, "fgj", null)).number();
                throw new IllegalStateException("a later part of the same act fails");
            })).isInstanceOf(IllegalStateException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(number[0]).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM juece.decision")).isEqualTo(decisionsBefore);
        assertThat(count("SELECT COUNT(*) FROM juece.audit_entry")).isEqualTo(auditBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number[0]).count()).isZero();
    }

    @Test
    void aFailedTaskCompletionLeavesTheStepOpenAndNoAuditEntry() {
        var d = driver();
        String n = d.create("县城区供热管网改造");
        d.recordStudy(n);                          // Art. 11: the study's five parts
        d.as(LEAD).put("/api/decisions/" + n + "/category", java.util.Map.of("category", "ART3_6"));
        String task = d.task(n, "proposal-study").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        signIn(LEAD);
        try {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                tasks.complete(task, "IN_SCOPE", "属于第三条第六项");
                throw new IllegalStateException("a later part of the same act fails");
            })).isInstanceOf(IllegalStateException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
        assertThat(d.stage(n)).isEqualTo("PROPOSAL");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
    }

    /** As /api does: the person is signed in to Spring Security for the request. */
    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

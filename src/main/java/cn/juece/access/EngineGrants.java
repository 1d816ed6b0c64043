package cn.juece.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Groups;

/**
 * Keeps Camunda's authorizations on a decision's process instances in step with who may see it (DECISIONS.md 23):
 * the unit groups with a role in the decision read its instances and their history in the engine REST, Tasklist
 * and Cockpit; a unit that loses its role (Art. 12) loses them. Organ-wide roles read every instance by their
 * standing grants. Runs after the act's commit, as the engine itself (granting is not the acting clerk's
 * permission), so that an act inside an engine command (a step completed in Tasklist) can ask for it too.
 */
@Service
public class EngineGrants {

    private final DecisionAccess access;
    private final DecisionService decisions;
    private final AuthorizationService authorizations;
    private final HistoryService history;
    private final IdentityService identity;
    private final TransactionTemplate newTransaction;

    EngineGrants(DecisionAccess access, DecisionService decisions, AuthorizationService authorizations,
                 HistoryService history, IdentityService identity, PlatformTransactionManager transactions) {
        this.access = access;
        this.decisions = decisions;
        this.authorizations = authorizations;
        this.history = history;
        this.identity = identity;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Brings the decision's instance grants in step once the current transaction commits (now, outside one). */
    public void syncAfterCommit(String decisionNumber) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sync(decisionNumber);
                }
            });
        } else {
            sync(decisionNumber);
        }
    }

    void sync(String decisionNumber) {
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            newTransaction.executeWithoutResult(s -> {
                Decision d = decisions.get(decisionNumber);
                Set<String> desired = new LinkedHashSet<>();
                access.involvedUnits(d).forEach(u -> desired.add(Groups.unit(u)));
                for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(d.number()).list()) {
                    if (pi.getEndTime() == null) {
                        grant(Resources.PROCESS_INSTANCE, pi.getId(), desired);
                    }
                    grant(Resources.HISTORIC_PROCESS_INSTANCE, pi.getId(), desired);
                }
            });
        } finally {
            if (acting != null) {
                identity.setAuthentication(acting);
            }
        }
    }

    private void grant(Resource resource, String instanceId, Set<String> groups) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(instanceId).list();
        Set<String> have = new LinkedHashSet<>();
        for (Authorization a : existing) {
            if (a.getGroupId() != null && !groups.contains(a.getGroupId())) {
                authorizations.deleteAuthorization(a.getId());
            } else if (a.getGroupId() != null) {
                have.add(a.getGroupId());
            }
        }
        for (String g : groups) {
            if (!have.contains(g)) {
                Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                a.setGroupId(g);
                a.setResource(resource);
                a.setResourceId(instanceId);
                a.addPermission(resource == Resources.HISTORIC_PROCESS_INSTANCE ? HistoricProcessInstancePermissions.READ : Permissions.READ);
                authorizations.saveAuthorization(a);
            }
        }
    }
}

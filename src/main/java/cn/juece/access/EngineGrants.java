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

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Groups;

/**
 * Keeps Camunda's authorizations on a decision's process instances in step with who may see it (DECISIONS.md 23):
 * the unit groups with a role in the decision read its instances and their history in the engine REST, Tasklist
 * and Cockpit; a unit that loses its role (Art. 12) loses them. Organ-wide roles of the decision's organ read its
 * instances by these grants too (and, in an installation of one organ, every instance by their standing grants). Each decision process is granted when it starts (a parse listener on every decision process);
 * a change of units re-syncs every instance. In the act's transaction, as the engine itself.
 */
@Service
public class EngineGrants {

    private final DecisionAccess access;
    private final DecisionService decisions;
    private final AuthorizationService authorizations;
    private final HistoryService history;
    private final IdentityService identity;

    EngineGrants(DecisionAccess access, DecisionService decisions, AuthorizationService authorizations,
                 HistoryService history, IdentityService identity) {
        this.access = access;
        this.decisions = decisions;
        this.authorizations = authorizations;
        this.history = history;
        this.identity = identity;
    }

    /** A decision process starts (the lifecycle or one of its stages): the units with a role read it. */
    public void grantInstance(Decision d, String processInstanceId) {
        asEngine(() -> {
            Set<String> desired = desired(d);
            grant(Resources.PROCESS_INSTANCE, processInstanceId, desired);
            grant(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, desired);
        });
    }

    /** Brings every instance of the decision in step with who has a role in it now (after a change of units). */
    public void sync(Decision d) {
        asEngine(() -> {
            Set<String> desired = desired(d);
            for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(d.number()).list()) {
                if (pi.getEndTime() == null) {
                    grant(Resources.PROCESS_INSTANCE, pi.getId(), desired);
                }
                grant(Resources.HISTORIC_PROCESS_INSTANCE, pi.getId(), desired);
            }
        });
    }

    public void sync(String decisionNumber) {
        sync(decisions.get(decisionNumber));
    }

    /**
     * An organ's own process (its annual catalogue, Art. 4) starts: the organ-wide groups of that organ read it
     * (Art. 64: with several organs no standing grant lets one organ's supervisors read another's runs).
     */
    public void grantOrganInstance(String organCode, String processInstanceId) {
        asEngine(() -> {
            Set<String> desired = new LinkedHashSet<>(access.organWideGroups(organCode));
            grant(Resources.PROCESS_INSTANCE, processInstanceId, desired);
            grant(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, desired);
        });
    }

    private Set<String> desired(Decision d) {
        Set<String> desired = new LinkedHashSet<>();
        access.involvedUnits(d).forEach(u -> desired.add(Groups.unit(u)));
        // Art. 64: the organ-wide roles of the decision's own organ (their standing grants cover every instance only
        // where the installation serves one organ)
        desired.addAll(access.organWideGroups(d.organCode()));
        return desired;
    }

    /**
     * Granting is the engine's own act, not the acting clerk's permission: run without the engine's current
     * authentication (Camunda reads it per check), in the caller's transaction, then put it back.
     */
    private void asEngine(Runnable grants) {
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            grants.run();
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

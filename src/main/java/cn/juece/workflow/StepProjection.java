package cn.juece.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.juece.access.EngineGrants;
import cn.juece.decision.Decision;
import cn.juece.identity.Directory;

/**
 * Projects who acts on each open step, as the dossier says it now, onto the engine's tasks (DECISIONS.md 22):
 * the task's candidate group is its party's group; a holder who no longer belongs to the party is released; the
 * authorizations Camunda granted to a removed group or holder are revoked. Used when a decision's units change
 * (Art. 12); the instance grants follow ({@link EngineGrants}).
 */
@Service
public class StepProjection {

    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final Steps steps;
    private final Directory directory;
    private final EngineGrants grants;

    StepProjection(TaskService taskService, AuthorizationService authorizations, Steps steps, Directory directory,
                   EngineGrants grants) {
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.steps = steps;
        this.directory = directory;
        this.grants = grants;
    }

    /** @return how many open steps changed hands */
    public int resync(Decision d) {
        int changed = 0;
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(d.number()).list()) {
            Step step = steps.of(task);
            if (step.party() == null) {
                continue;
            }
            List<String> groups = steps.responsibleGroups(step, d);
            Set<String> links = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
            boolean moved = !links.contains(groups.get(0)) || !groups.containsAll(links);
            if (!groups.get(0).equals(step.responsibleGroup())) {
                steps.offeredTo(step, groups.get(0));
            }
            String holder = task.getAssignee();
            boolean release = holder != null && directory.groupsOf(holder).stream().noneMatch(groups::contains);
            if (!moved && !release) {
                continue;
            }
            TaskEdits.ours(() -> {
                for (String g : links) {
                    if (!groups.contains(g)) {
                        taskService.deleteCandidateGroup(task.getId(), g);
                        revoke(task.getId(), g, null);
                    }
                }
                if (!links.contains(groups.get(0))) {
                    taskService.addCandidateGroup(task.getId(), groups.get(0));
                }
                if (release) {
                    taskService.setAssignee(task.getId(), null);
                    revoke(task.getId(), null, holder);
                }
            });
            changed++;
        }
        grants.sync(d);
        return changed;
    }

    /** The engine grants a candidate group or holder access to the task; removing them does not revoke it. */
    private void revoke(String taskId, String group, String user) {
        for (Resources r : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
            var q = authorizations.createAuthorizationQuery().resourceType(r).resourceId(taskId);
            (group != null ? q.groupIdIn(group) : q.userIdIn(user)).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }
}

package cn.juece.workflow;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.juece.access.Responsibilities;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.RuleViolation;

/**
 * Who holds a step (DECISIONS.md 22), on every path that sets a task's assignee (Tasklist's claim, the engine
 * REST's claim/assignee/delegate, Cockpit, our handover): a step is held only by a person of its party; a person
 * claims an unheld step for themselves; a held step is handed over or released by its holder, the head of the
 * responsible unit, or an administrator. Every change is an audit entry (Art. 60).
 */
@Component
class TaskAssignmentListener implements TaskListener {

    private final DecisionService decisions;
    private final Steps steps;
    private final Responsibilities responsibilities;
    private final Directory directory;
    private final IdentityService identityService;
    private final AuditTrail audit;

    TaskAssignmentListener(DecisionService decisions, Steps steps, Responsibilities responsibilities, Directory directory,
                           IdentityService identityService, AuditTrail audit) {
        this.decisions = decisions;
        this.steps = steps;
        this.responsibilities = responsibilities;
        this.directory = directory;
        this.identityService = identityService;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision d = decisions.get(task.getExecution().getProcessBusinessKey());
        Step step = steps.of(task, d);
        String before = step.assignee();
        String after = task.getAssignee();
        if (Objects.equals(before, after)) {
            return;
        }
        List<String> groups = steps.responsibleGroups(step, d);
        if (after != null) {
            if (identityService.createUserQuery().userId(after).count() == 0) {
                throw RuleViolation.badRequest("TASK_ASSIGNEE_UNKNOWN", "用户“" + after + "”不存在，不能办理“" + step.taskName() + "”。");
            }
            if (directory.groupsOf(after).stream().noneMatch(groups::contains)) {
                throw RuleViolation.forbidden("TASK_ASSIGNEE_NOT_RESPONSIBLE", "“" + step.taskName() + "”由"
                        + responsibilities.names(groups) + "办理，不能交给" + directory.displayName(after) + "（"
                        + Objects.requireNonNullElse(directory.actor(after).unitName(), "本单位以外人员") + "）办理。");
            }
        }
        Actor actor = directory.currentActor();
        if (TaskEdits.active()) {
            // The dossier moved the step to another party (Art. 12): its holder is released.
            steps.assigned(step, after);
            audit.record(actor, d.id(), d.number(), AuditAction.TASK_RELEASED, "“" + step.taskName() + "”的办理单位已变更，原认领人"
                    + directory.displayName(before) + "不再办理，退回" + responsibilities.names(groups) + "待认领（第十二条）");
            return;
        }
        boolean claimsForSelf = after != null && after.equals(actor.id()) && before == null;
        boolean holder = before != null && before.equals(actor.id());
        boolean overseer = actor.isSystem() || actor.inAnyGroup(List.of(Groups.ADMIN, Groups.OPERATOR))
                || groups.stream().flatMap(g -> responsibilities.headsOf(g).stream()).anyMatch(actor.groups()::contains);
        if (!claimsForSelf && !holder && !overseer) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, "TASK_HANDOVER_FORBIDDEN", before == null
                    ? "“" + step.taskName() + "”只能由本人认领；交给他人办理须由单位负责人安排。"
                    : "“" + step.taskName() + "”已由" + directory.displayName(before) + "认领，只有认领人或单位负责人可以转交或退回。");
        }
        steps.assigned(step, after);
        String what = after == null ? "将“" + step.taskName() + "”退回待认领（原由" + directory.displayName(before) + "办理）"
                : claimsForSelf ? "认领“" + step.taskName() + "”"
                : "将“" + step.taskName() + "”" + (before == null ? "" : "由" + directory.displayName(before)) + "转交"
                        + directory.displayName(after) + "办理";
        audit.record(actor, d.id(), d.number(),
                after == null ? AuditAction.TASK_RELEASED : claimsForSelf ? AuditAction.TASK_CLAIMED : AuditAction.TASK_HANDED_OVER,
                what + "（第六十条）");
    }
}

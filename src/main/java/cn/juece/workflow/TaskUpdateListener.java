package cn.juece.workflow;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.support.RuleViolation;

/**
 * Guards a step's task against changes that would move who acts or by when (DECISIONS.md 12-14, 22), from any
 * path (Tasklist, Cockpit, the engine REST): its candidate group is the projection of its party, and its due and
 * follow-up dates are the period mechanism's (moved only by pauses and approved shortenings). Our own code marks
 * its changes ({@link TaskEdits}).
 */
@Component
class TaskUpdateListener implements TaskListener {

    private final DecisionService decisions;
    private final Steps steps;
    private final ObjectProvider<TaskDates> dates;

    TaskUpdateListener(DecisionService decisions, Steps steps, ObjectProvider<TaskDates> dates) {
        this.decisions = decisions;
        this.steps = steps;
        this.dates = dates;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskEdits.active()) {
            return;
        }
        Decision d = decisions.get(task.getExecution().getProcessBusinessKey());
        Step step = steps.of(task, d);
        List<String> expected = steps.responsibleGroups(step, d);
        Set<String> links = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (!expected.containsAll(links) || !links.contains(expected.get(0))) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, "TASK_CANDIDATES_LOCKED", "“" + step.taskName()
                    + "”的办理单位由决策案卷确定（决策承办单位及其职责，第十二条），不能在任务中增加或删除办理组。");
        }
        // each feature that sets a step's dates (the period mechanism, execution reports) answers for its own steps
        TaskDates.Expected e = dates.orderedStream().map(s -> s.expected(task.getId()))
                .filter(x -> x.due() != null || x.followUp() != null).findFirst()
                .orElse(new TaskDates.Expected(null, null));
        if (!same(task.getDueDate(), e.due()) || !same(task.getFollowUpDate(), e.followUp())) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, "TASK_DATES_LOCKED", "“" + step.taskName()
                    + "”的办理期限和跟进日期由法定期限计算，不能直接修改；依法不计入期限的时间请在决策案卷中记录暂停计算，"
                    + "缩短“一般不少于”的期限须经本单位负责人批准。");
        }
    }

    private static boolean same(Date a, Date b) {
        return a == null ? b == null : b != null && a.getTime() == b.getTime();
    }
}

package cn.juece.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api")
@Tag(name = "待办任务", description = "查询和办理决策程序中的环节；办理前检查与 Tasklist 相同的规则")
class TaskApi {

    private final TaskActions tasks;
    private final DecisionService decisions;
    private final Directory directory;

    private final List<OtherProcessTasks> others;

    TaskApi(TaskActions tasks, DecisionService decisions, Directory directory, List<OtherProcessTasks> others) {
        this.others = others;
        this.tasks = tasks;
        this.decisions = decisions;
        this.directory = directory;
    }

    @GetMapping("/tasks")
    @Operation(summary = "本人及所在单位、角色的待办任务（分页）", description = "page 从0开始，size 每页条数（默认20，至多200）；"
            + "sort=due 按期限（办理期限或最早可办结日）先后，sort=created 按开始时间；stage 阶段代码（如 EXPERT）；decision 决策编号。"
            + "总数在响应头 X-Total-Count 中；超过本页之后200项的，只给出 X-Total-Count-At-Least（至少项数）；X-Has-Next 表示是否还有下一页。")
    org.springframework.http.ResponseEntity<List<TaskView>> mine(@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
                                                                @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size,
                                                                @org.springframework.web.bind.annotation.RequestParam(required = false) String sort,
                                                                @org.springframework.web.bind.annotation.RequestParam(required = false) String stage,
                                                                @org.springframework.web.bind.annotation.RequestParam(required = false) String decision) {
        int[] b = cn.juece.support.Page.bounds(page, size);
        var list = tasks.workList(directory.currentActor(), b[0], b[1], cn.juece.support.Page.sort(sort),
                cn.juece.decision.Stage.parseOrNull(stage), decision);
        return cn.juece.support.PageHeaders.ok(list);
    }

    @GetMapping("/decisions/{number}/tasks")
    @Operation(summary = "一件决策事项的待办环节")
    List<TaskView> ofDecision(@PathVariable String number) {
        return tasks.openTasks(decisions.get(number));
    }

    @GetMapping("/decisions/{number}/checklist")
    @Operation(summary = "待办环节的办理要求清单（材料、理由等）及是否已满足")
    List<TaskRules.ChecklistItem> checklist(@PathVariable String number) {
        return tasks.checklist(decisions.get(number));
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "一个待办环节及其可选办理结果")
    TaskView get(@PathVariable String taskId) {
        return tasks.get(taskId);
    }

    @GetMapping("/tasks/{taskId}/form")
    @Operation(summary = "Tasklist 表单所需内容：办理结果选项和决策案卷链接")
    Map<String, Object> form(@PathVariable String taskId) {
        TaskView t = tasks.get(taskId);
        for (OtherProcessTasks other : others) {
            var spec = other.form(t);
            if (spec.isPresent()) {
                return spec.get();
            }
        }
        Decision d = decisions.get(t.decisionNumber());
        return Map.of("taskName", t.name(), "decisionNumber", d.number(), "decisionTitle", d.title(),
                "dossierUrl", "/decisions/" + d.number(),
                "outcomes", t.outcomes().entrySet().stream().map(e -> Map.of("code", e.getKey(), "label", e.getValue())).toList(),
                "checklist", tasks.checklist(d).stream().filter(c -> c.step().equals(t.name())).toList());
    }

    @PostMapping("/tasks/{taskId}/complete")
    @Operation(summary = "办理环节", description = "outcome 为环节声明的办理结果代码；reason 为简短理由（不超过500字）。")
    Map<String, Object> complete(@PathVariable String taskId, @RequestBody CompleteRequest request) {
        // a decision's step completes here; a task of another process (the annual catalogue's) is offered to its
        // feature first (issue 17: the step's whole view was built here only to ask)
        if (tasks.isDecisionStep(taskId)) {
            // a parallel step reaching its join together with another: tried again (issue 17)
            cn.juece.support.Conflicts.retried(() -> tasks.complete(taskId, request.outcome(), request.reason()));
        } else {
            TaskView t = tasks.get(taskId);
            if (others.stream().noneMatch(o -> o.complete(t, request.outcome(), request.reason()))) {
                tasks.complete(taskId, request.outcome(), request.reason());
            }
        }
        return Map.of("completed", true, "taskId", taskId);
    }

    @PostMapping("/tasks/{taskId}/claim")
    @Operation(summary = "认领环节", description = "本人认领本单位（本角色）尚未认领的环节。")
    TaskView claim(@PathVariable String taskId) {
        return tasks.claim(taskId);
    }

    @PostMapping("/tasks/{taskId}/handover")
    @Operation(summary = "转交环节", description = "由认领人或办理单位负责人将环节转交本单位（本角色）的其他人员办理；to 为空时退回待认领。"
            + "转交给办理单位以外的人员或不存在的用户将被拒绝（TASK_ASSIGNEE_NOT_RESPONSIBLE、TASK_ASSIGNEE_UNKNOWN）。")
    TaskView handOver(@PathVariable String taskId, @RequestBody HandoverRequest request) {
        return tasks.handOver(taskId, request.to());
    }

    record CompleteRequest(String outcome, String reason) {
    }

    record HandoverRequest(String to) {
    }
}

package cn.juece.deadline;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api")
@Tag(name = "法定期限", description = "环节的法定期限、暂停计算（第四十二条、第四十四条）和经批准缩短“一般”期限")
class DeadlineApi {

    private final StepPeriods stepPeriods;
    private final DecisionService decisions;

    DeadlineApi(StepPeriods stepPeriods, DecisionService decisions) {
        this.stepPeriods = stepPeriods;
        this.decisions = decisions;
    }

    @GetMapping("/decisions/{number}/periods")
    @Operation(summary = "一件决策事项各环节的法定期限、暂停和缩短记录")
    Map<String, Object> ofDecision(@PathVariable String number) {
        Decision d = decisions.get(number);
        return Map.of("steps", stepPeriods.forDecision(d.id()).stream().map(stepPeriods::describe).toList(),
                "pauses", stepPeriods.pauses(d.id()),
                "deviations", stepPeriods.deviations(d.id()));
    }

    @GetMapping("/tasks/{taskId}/period")
    @Operation(summary = "一个环节的法定期限：届满日、最早可办结日、已暂停的工作日（无期限的环节返回空对象）")
    Map<String, Object> ofTask(@PathVariable String taskId) {
        var period = stepPeriods.ofTask(taskId);
        if (period.isEmpty() && !stepPeriods.taskExists(taskId)) {
            throw cn.juece.support.RuleViolation.taskNotFound(taskId);
        }
        return period.map(stepPeriods::describe).orElse(Map.of());
    }

    @PostMapping("/tasks/{taskId}/pauses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录不计入期限的时间（暂停计算）",
            description = "kind: SUPPLEMENT（第四十二条补送材料）、INVESTIGATION、SYMPOSIUM、HEARING、PUBLIC_COMMENT、LEGAL_OPINION（第四十四条）；"
                    + "start、end 为日期（yyyy-MM-dd）；从开始之日的次日至结束之日的工作日数顺延期限。")
    PeriodPause pause(@PathVariable String taskId, @RequestBody PauseRequest request) {
        PauseKind kind;
        try {
            kind = request.kind() == null ? null : PauseKind.valueOf(request.kind());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("PAUSE_KIND_INVALID", "暂停事由“" + request.kind() + "”无效。");
        }
        return stepPeriods.pause(taskId, kind, request.start(), request.end(), request.reason());
    }

    @PostMapping("/tasks/{taskId}/deviation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "单位负责人批准缩短“一般不少于”的期限（须写明理由）")
    PeriodDeviation shorten(@PathVariable String taskId, @RequestBody DeviationRequest request) {
        return stepPeriods.shorten(taskId, request.reason());
    }

    record PauseRequest(String kind, LocalDate start, LocalDate end, String reason) {
    }

    record DeviationRequest(String reason) {
    }
}

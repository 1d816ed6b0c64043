package cn.juece.participation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "座谈会", description = "邀请利害关系人代表，材料于召开3日前送达，记录会议意见（第二十一条）")
class SymposiumApi {

    private final SymposiumService symposiums;
    private final DecisionService decisions;

    SymposiumApi(SymposiumService symposiums, DecisionService decisions) {
        this.symposiums = symposiums;
        this.decisions = decisions;
    }

    @PostMapping("/api/decisions/{number}/symposiums")
    @Operation(summary = "拟召开座谈会（受邀代表、日期、地点）")
    ResponseEntity<Symposium> plan(@PathVariable String number, @RequestBody PlanRequest r) {
        return ResponseEntity.status(201).body(symposiums.plan(number, r.title(), r.heldOn(), r.place(), r.invitees()));
    }

    @GetMapping("/api/decisions/{number}/symposiums")
    @Operation(summary = "一件决策事项的座谈会")
    List<Symposium> list(@PathVariable String number) {
        return symposiums.ofDecision(decisions.get(number).id());
    }

    @PostMapping("/api/symposiums/{id}/delivery")
    @Operation(summary = "记录材料送达与会人员的日期")
    Symposium delivery(@PathVariable long id, @RequestBody DeliveryRequest r) {
        return symposiums.recordDelivery(id, r.deliveredOn());
    }

    @PostMapping("/api/symposiums/{id}/confirm")
    @Operation(summary = "确认召开（材料须于召开3日前送达）")
    Symposium confirm(@PathVariable long id) {
        return symposiums.confirm(id);
    }

    @PostMapping("/api/symposiums/{id}/held")
    @Operation(summary = "登记已召开（须已上传座谈会记录及意见）")
    Symposium held(@PathVariable long id) {
        return symposiums.held(id);
    }

    @PostMapping("/api/symposiums/{id}/cancel")
    @Operation(summary = "取消或改期（写明理由）")
    Symposium cancel(@PathVariable long id, @RequestBody java.util.Map<String, String> body) {
        return symposiums.cancel(id, body.get("reason"));
    }

    record PlanRequest(String title, LocalDate heldOn, String place, List<String> invitees) {
    }

    record DeliveryRequest(LocalDate deliveredOn) {
    }
}

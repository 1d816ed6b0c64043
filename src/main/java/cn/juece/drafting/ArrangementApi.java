package cn.juece.drafting;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/arrangements")
@Tag(name = "程序安排", description = "草案拟定阶段确定是否开展公众参与、专家论证、风险评估（第十七条、第三十条、第三十六条）")
class ArrangementApi {

    private final ArrangementService arrangements;
    private final DecisionService decisions;

    ArrangementApi(ArrangementService arrangements, DecisionService decisions) {
        this.arrangements = arrangements;
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "已确定的程序安排")
    Map<Procedure, Arrangement> list(@PathVariable String number) {
        return arrangements.arrangements(decisions.get(number).id());
    }

    @PutMapping("/{procedure}")
    @Operation(summary = "确定一项程序是否开展", description = "procedure：PARTICIPATION、EXPERT 或 RISK；不开展的须选择依据 ground（PARTICIPATION：STATE_SECRET、COMMERCIAL_SECRET、OTHER_NOT_PUBLIC；EXPERT：NOT_TECHNICAL；RISK：NO_ADVERSE_IMPACT、ALREADY_ASSESSED）并写明理由（不少于10字）。")
    Arrangement record(@PathVariable String number, @PathVariable String procedure, @RequestBody ArrangementRequest request) {
        if (request.required() == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请说明是否需要开展该程序（required: true/false）。");
        }
        return arrangements.record(number, Procedure.parse(procedure), request.required(), request.ground(), request.reason());
    }

    /** ground: when not required, the code of a ground the article names (see the Procedure's grounds). */
    record ArrangementRequest(Boolean required, String ground, String reason) {
    }
}

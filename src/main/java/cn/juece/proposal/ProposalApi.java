package cn.juece.proposal;

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
@RequestMapping("/api/decisions/{number}")
@Tag(name = "研究论证", description = "决策事项建议的研究论证和适用范围（第三条、第十一条）")
class ProposalApi {

    private final ProposalService proposals;
    private final DecisionService decisions;

    ProposalApi(ProposalService proposals, DecisionService decisions) {
        this.proposals = proposals;
        this.decisions = decisions;
    }

    @GetMapping("/study")
    @Operation(summary = "研究论证情况、适用范围认定和“法律法规另有规定”标记")
    ProposalStudy get(@PathVariable String number) {
        return proposals.study(decisions.get(number).id());
    }

    @PutMapping("/study")
    @Operation(summary = "记录研究论证情况", description = "problem 需要解决的主要问题、reasonsBasis 理由和依据、preliminaryPlan 初步方案、necessity 必要性、feasibility 可行性（第十一条）。")
    ProposalStudy study(@PathVariable String number, @RequestBody ProposalService.StudyRequest request) {
        return proposals.recordStudy(number, request);
    }

    @PutMapping("/special-procedure")
    @Operation(summary = "标记法律、行政法规对决策程序另有规定（第三条）", description = "applies: true/false；basis: 法律或行政法规及条款。")
    ProposalStudy special(@PathVariable String number, @RequestBody SpecialProcedureRequest request) {
        if (request.applies() == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请说明是否适用其他法律、行政法规规定的程序（applies: true/false）。");
        }
        return proposals.flagSpecialProcedure(number, request.applies(), request.basis());
    }

    record SpecialProcedureRequest(Boolean applies, String basis) {
    }
}

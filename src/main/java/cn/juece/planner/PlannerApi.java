package cn.juece.planner;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.access.DecisionAccess;
import cn.juece.identity.Directory;
import cn.juece.supervision.SupervisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The planner on /api (issue 16). Who may read a plan is who may see the decision (DECISIONS.md 23); what-if parameters
 * change only the answer, never the dossier.
 */
@RestController
@JsonApi
@Tag(name = "最早合法决策日期", description = "按法定期限表和工作日历计算的关键路径：事项最早可提请集体讨论决定的日期，及其假设分析")
class PlannerApi {

    private final PlannerView view;
    private final DecisionAccess access;
    private final SupervisionService supervision;
    private final Directory directory;

    PlannerApi(PlannerView view, DecisionAccess access, SupervisionService supervision, Directory directory) {
        this.view = view;
        this.access = access;
        this.supervision = supervision;
        this.directory = directory;
    }

    @GetMapping("/api/decisions/{number}/plan")
    @Operation(summary = "最早合法决策日期（关键路径）",
            description = "meetingOn 最早可提请集体讨论决定的日期；provisional 是否暂定（涉及尚未公布节假日安排的年份）；segments 各环节"
                    + "（step、start、end 最早可办结日、minimum 最短期限、critical 是否在关键路径上、done 是否已完成（实际日期））；"
                    + "withSupplement 如需补送合法性审查材料（第四十二条，3个工作日）后的日期；slip 本次计算结果（含假设）与启动时计划相比推迟的工作日数（负数为提前）及卡在哪个环节。"
                    + "假设分析：start（起算日，如2024-09-20）、comment、hearing、expert、risk、supplement（true/false），不改变决策案卷。")
    Plan plan(@PathVariable String number, @RequestParam(required = false) String start, @RequestParam(required = false) String comment,
              @RequestParam(required = false) String hearing, @RequestParam(required = false) String expert,
              @RequestParam(required = false) String risk, @RequestParam(required = false) String supplement) {
        var d = access.visible(number);
        return view.show(d, PlannerView.options(start, comment, hearing, expert, risk, supplement)).plan();
    }

    @GetMapping("/api/supervision/plan-slips")
    @Operation(summary = "进度推迟的决策事项", description = "与启动时计划相比，最早合法决策日期推迟的事项：推迟的工作日数和卡在哪个环节。")
    List<PlannerView.SlipRow> slips(@RequestParam(required = false) String organ) {
        supervision.requireSupervisor(directory.currentActor());
        // Art. 64: one of the person's organs (?organ=QQ; another organ is refused as on /api/supervision) or all
        supervision.organs(new SupervisionService.Filter(null, null, null, null, organ));
        return view.slips(organ);
    }
}

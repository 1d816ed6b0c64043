package cn.juece.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "监督统计", description = "决策办理情况、逾期和即将到期环节、未开展的程序及理由、逾期办结环节（第六十条至第六十三条）")
class SupervisionApi {

    private final SupervisionService supervision;
    private final Directory directory;

    SupervisionApi(SupervisionService supervision, Directory directory) {
        this.supervision = supervision;
        this.directory = directory;
    }

    @GetMapping("/api/supervision")
    @Operation(summary = "监督统计（可按承办单位代码、登记年份、阶段、决策编号筛选；待办环节分页）",
            description = "openSteps 为一页待办环节（items、total、page、size）：page 从0开始，size 每页条数（默认20，至多200），"
                    + "sort=due 按办理期限（默认），sort=created 按开始时间；stage 阶段代码（如 EXPERT）；decision 决策编号；"
                    + "organ 本人监督的一个决策机关代码（如 QQ，第六十四条），不填为本人监督的全部机关。")
    SupervisionService.Overview overview(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                         @RequestParam(required = false) String stage, @RequestParam(required = false) String decision,
                                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) String sort, @RequestParam(required = false) String organ) {
        supervision.requireSupervisor(directory.currentActor());
        int[] b = cn.juece.support.Page.bounds(page, size);
        return supervision.overview(new SupervisionService.Filter(unit, year, cn.juece.decision.Stage.parseOrNull(stage), decision, organ),
                b[0], b[1], cn.juece.support.Page.sort(sort));
    }

    @GetMapping("/api/supervision/export.csv")
    @Operation(summary = "待办环节导出（CSV，UTF-8 带 BOM，中文表头）")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String unit,
                                                           @RequestParam(required = false) Integer year,
                                                           @RequestParam(required = false) String stage,
                                                           @RequestParam(required = false) String decision,
                                                           @RequestParam(required = false) String organ) {
        return SupervisionPage.csv(supervision, directory,
                new SupervisionService.Filter(unit, year, cn.juece.decision.Stage.parseOrNull(stage), decision, organ));
    }
}

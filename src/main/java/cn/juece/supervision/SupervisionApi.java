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
    @Operation(summary = "监督统计（可按承办单位代码、登记年份筛选）")
    SupervisionService.Overview overview(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        supervision.requireSupervisor(directory.currentActor());
        return supervision.overview(new SupervisionService.Filter(unit, year));
    }

    @GetMapping("/api/supervision/export.csv")
    @Operation(summary = "待办环节导出（CSV，UTF-8 带 BOM，中文表头）")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String unit,
                                                           @RequestParam(required = false) Integer year) {
        return SupervisionPage.csv(supervision, directory, unit, year);
    }
}

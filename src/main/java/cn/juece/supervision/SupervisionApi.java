package cn.juece.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "决策监督", description = "司法行政部门和系统管理员的监督视图（第六十条至第六十三条）")
class SupervisionApi {

    private final SupervisionService service;

    SupervisionApi(SupervisionService service) {
        this.service = service;
    }

    @GetMapping("/api/supervision")
    @Operation(summary = "按阶段、单位统计决策事项；逾期、即将届满、逾期办结、缩短期限、督办和未开展的程序",
            description = "unit：承办单位代码；year：登记年份。")
    SupervisionReport report(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return service.report(unit, year);
    }
}

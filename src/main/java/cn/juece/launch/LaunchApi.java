package cn.juece.launch;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}")
@Tag(name = "决策承办单位", description = "明确决策承办单位和牵头单位，职能调整时变更承办单位（第十二条）")
class LaunchApi {

    private final LaunchService launch;
    private final DecisionService decisions;

    LaunchApi(LaunchService launch, DecisionService decisions) {
        this.launch = launch;
        this.decisions = decisions;
    }

    @GetMapping("/units")
    @Operation(summary = "决策机关明确的决策承办单位")
    Map<String, Object> get(@PathVariable String number) {
        var d = decisions.get(number);
        return Map.of("leadUnit", d.leadUnit(), "coUnits", d.coUnits(), "leadNamed", launch.leadNamed(d),
                "named", launch.units(d.id()).map(u -> (Object) u).orElse(Map.of()));
    }

    @PutMapping("/units")
    @Operation(summary = "明确决策承办单位（决策启动阶段，决策机关）", description = "两个以上单位承办的，leadUnit 为牵头决策承办单位。")
    LaunchUnits name(@PathVariable String number, @RequestBody UnitsRequest request) {
        return launch.nameUnits(number, request.leadUnit(), request.coUnits(), request.basis());
    }

    @PostMapping("/unit-change")
    @Operation(summary = "职能调整，变更决策承办单位（决策机关或系统管理员）", description = "待办环节转由新单位办理，变更及其依据记入办理记录。")
    Map<String, Object> change(@PathVariable String number, @RequestBody UnitChangeRequest request) {
        int moved = launch.changeUnit(number, request.fromUnit(), request.toUnit(), request.ground());
        return Map.of("changed", true, "movedTasks", moved);
    }

    record UnitsRequest(String leadUnit, List<String> coUnits, String basis) {
    }

    record UnitChangeRequest(String fromUnit, String toUnit, String ground) {
    }
}

package cn.juece.decision;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.access.DecisionAccess;
import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@JsonApi
@RequestMapping("/api/decisions")
@Tag(name = "决策事项", description = "登记决策事项建议、查询决策事项（第三条、第十一条）")
class DecisionApi {

    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final DecisionStages stages;

    DecisionApi(DecisionService decisions, DecisionAccess access, Directory directory, DecisionStages stages) {
        this.stages = stages;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
    }

    @PostMapping
    @Operation(summary = "登记决策事项建议并启动其程序", description = "返回决策编号（<机关>-<年份>-<序号>），即流程实例的业务键。")
    ResponseEntity<DecisionJson> create(@Valid @RequestBody NewDecision request) {
        Decision d = decisions.create(request);
        return ResponseEntity.created(URI.create("/api/decisions/" + d.number())).body(json(d));
    }

    @GetMapping
    @Operation(summary = "本人可见的决策事项（最近500件）", description = "本单位承办、会签、征求意见等有职责的事项，以及司法局、县政府办公室、决策机关等可见全部事项（DECISIONS.md 23）。")
    List<DecisionJson> list() {
        List<Decision> list = access.visibleOf(decisions.list());
        var current = stages.current(list);
        return list.stream().map(d -> DecisionJson.of(d, current.get(d.number()), directory,
                d.ended() ? decisions.ending(d.id()).orElse(null) : null)).toList();
    }

    @GetMapping("/{number}")
    @Operation(summary = "一件决策事项")
    DecisionJson get(@PathVariable String number) {
        return json(access.visible(number));
    }

    @PutMapping("/{number}/category")
    @Operation(summary = "认定第三条所列事项类别")
    DecisionJson category(@PathVariable String number, @RequestBody @Validated CategoryRequest request) {
        return json(decisions.setCategory(number, request.category()));
    }

    private DecisionJson json(Decision d) {
        return DecisionJson.of(d, stages.current(d), directory, d.ended() ? decisions.ending(d.id()).orElse(null) : null);
    }

    record CategoryRequest(Art3Category category) {
    }
}

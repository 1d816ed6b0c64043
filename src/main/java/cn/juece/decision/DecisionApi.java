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
import org.springframework.web.bind.annotation.RequestParam;
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
    @Operation(summary = "本人可见的决策事项（分页）", description = "本单位承办、会签、征求意见等有职责的事项，以及司法行政部门、决策机关办公室、决策机关等可见本机关全部事项（DECISIONS.md 23）。"
            + "page 从0开始，size 每页条数（默认20，至多200）；sort=created 按登记时间（最新在前，默认），sort=due 按期限（未办结环节最早的办理期限或最早可办结日）；"
            + "stage 阶段代码（如 EXPERT）；decision 决策编号或其开头（如 GX-2026）；organ 本人所属的一个决策机关代码（如 QQ，第六十四条），不填为本人所属全部机关。总数在响应头 X-Total-Count 中。")
    ResponseEntity<List<DecisionJson>> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                            @RequestParam(required = false) String sort, @RequestParam(required = false) String stage,
                                            @RequestParam(required = false) String decision,
                                            @RequestParam(required = false) String organ) {
        int[] b = cn.juece.support.Page.bounds(page, size);
        var paged = access.visiblePage(organ, Stage.parseOrNull(stage), decision, sort(sort), b[0], b[1]);
        var current = stages.current(paged.items());
        return cn.juece.support.PageHeaders.ok(paged.map(d -> DecisionJson.of(d, current.get(d.number()), directory,
                d.ended() ? decisions.ending(d.id()).orElse(null) : null)));
    }

    /** The decision lists' sort: newest first by default, or by due day (SORT_INVALID otherwise). */
    static String sort(String sort) {
        return cn.juece.support.Page.sort(sort, cn.juece.support.Page.BY_CREATED, cn.juece.support.Page.BY_CREATED,
                cn.juece.support.Page.BY_DUE);
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

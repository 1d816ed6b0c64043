package cn.juece.catalogue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.audit.AuditEntry;
import cn.juece.decision.Decision;
import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/catalogues")
@Tag(name = "年度决策事项目录", description = "编制、确认、党委审定（县委；乡镇、街道党（工）委）、公布和调整年度重大行政决策事项目录（第四条；政务公开工作要点）")
class CatalogueApi {

    private final CatalogueService catalogues;
    private final Directory directory;

    CatalogueApi(CatalogueService catalogues, Directory directory) {
        this.catalogues = catalogues;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "本人所属决策机关的各年度目录（第四条、第六十四条）")
    List<CatalogueJson.Summary> list() {
        return catalogues.list().stream().map(c -> CatalogueJson.summary(c, catalogues)).toList();
    }

    @PostMapping
    @Operation(summary = "开始编制某年度目录（司法局）", description = "目录编号为 <机关>-<年份>-ML，即目录流程实例的业务键。"
            + "organ：本人所属的决策机关代码（属于多个机关时填写，如 QQ；不填为本人单位所属机关，第六十四条）。")
    ResponseEntity<CatalogueJson> create(@RequestBody YearRequest request) {
        Catalogue c = catalogues.create(request.year() == null ? 0 : request.year(), request.organ());
        return ResponseEntity.created(URI.create("/api/catalogues/" + c.key())).body(CatalogueJson.of(c, catalogues, directory));
    }

    @GetMapping("/{key}")
    @Operation(summary = "一个年度目录：事项、调整记录、调整提请和待办环节")
    CatalogueJson get(@PathVariable String key) {
        return CatalogueJson.of(catalogues.get(key), catalogues, directory);
    }

    @PostMapping("/{key}/items")
    @Operation(summary = "增加事项", description = "目录公布后须填写 reason（调整原因，随目录公开）；requestId 关联目录调整提请。")
    ResponseEntity<CatalogueJson.Item> add(@PathVariable String key, @RequestBody ItemForm form) {
        CatalogueItem i = catalogues.addItem(key, form);
        return ResponseEntity.created(URI.create("/api/catalogues/" + key + "/items/" + i.id()))
                .body(CatalogueJson.item(i, directory, catalogues));
    }

    @PutMapping("/{key}/items/{itemId}")
    @Operation(summary = "调整事项", description = "目录公布后须填写 reason（调整原因，随目录公开）。")
    CatalogueJson.Item update(@PathVariable String key, @PathVariable long itemId, @RequestBody ItemForm form) {
        return CatalogueJson.item(catalogues.updateItem(key, itemId, form), directory, catalogues);
    }

    @PostMapping("/{key}/items/{itemId}/remove")
    @Operation(summary = "删除事项", description = "目录公布后须填写 reason（调整原因，随目录公开）。")
    Map<String, Object> remove(@PathVariable String key, @PathVariable long itemId, @RequestBody RemoveRequest request) {
        catalogues.removeItem(key, itemId, request.reason(), request.requestId());
        return Map.of("removed", true, "itemId", itemId);
    }

    @PutMapping("/{key}/party-approval")
    @Operation(summary = "记录党委审定情况（日期、文号，如 冠发〔2026〕3号）")
    CatalogueJson partyApproval(@PathVariable String key, @RequestBody PartyApproval request) {
        return CatalogueJson.of(catalogues.recordPartyApproval(key, request.date(), request.documentNumber()), catalogues, directory);
    }

    @GetMapping("/{key}/tasks")
    @Operation(summary = "目录流程的待办环节")
    List<CatalogueService.OpenStep> tasks(@PathVariable String key) {
        return catalogues.openSteps(catalogues.get(key));
    }

    @PostMapping("/{key}/tasks/{taskId}/complete")
    @Operation(summary = "办理目录环节（报请确认、确认或退回、公布、研究调整）")
    Map<String, Object> complete(@PathVariable String key, @PathVariable String taskId, @RequestBody Completion request) {
        catalogues.completeStep(key, taskId, request.outcome(), request.reason());
        return Map.of("completed", true, "taskId", taskId);
    }

    @PostMapping("/{key}/change-requests/{requestId}/resolve")
    @Operation(summary = "办理目录调整提请（CHANGED 已调整 / NOT_CHANGED 不调整，reason 必填）")
    Map<String, Object> resolve(@PathVariable String key, @PathVariable long requestId, @RequestBody Completion request) {
        catalogues.resolveRequest(key, requestId, request.outcome(), request.reason());
        return Map.of("resolved", true, "requestId", requestId);
    }

    @PostMapping("/{key}/items/{itemId}/decision")
    @Operation(summary = "依目录事项登记决策事项（并关联）")
    ResponseEntity<Map<String, Object>> launch(@PathVariable String key, @PathVariable long itemId) {
        Decision d = catalogues.launchFromItem(key, itemId);
        return ResponseEntity.created(URI.create("/api/decisions/" + d.number()))
                .body(Map.of("number", d.number(), "title", d.title(), "itemId", itemId));
    }

    @PutMapping("/{key}/items/{itemId}/decision")
    @Operation(summary = "关联已登记的决策事项（司法局）")
    CatalogueJson.Item link(@PathVariable String key, @PathVariable long itemId, @RequestBody Link request) {
        return CatalogueJson.item(catalogues.linkDecision(key, itemId, request.decisionNumber()), directory, catalogues);
    }

    record Link(String decisionNumber) {
    }

    @GetMapping("/{key}/audit")
    @Operation(summary = "目录的办理记录")
    List<AuditEntry> audit(@PathVariable String key) {
        return catalogues.auditTrail(catalogues.get(key));
    }

    @GetMapping(value = "/{key}/export.csv", produces = "text/csv")
    @Operation(summary = "导出目录（CSV，中文表头，UTF-8 带 BOM）")
    ResponseEntity<byte[]> export(@PathVariable String key) {
        return csv(catalogues, catalogues.get(key));
    }

    static ResponseEntity<byte[]> csv(CatalogueService catalogues, Catalogue c) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(catalogues.title(c) + ".csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(catalogues.csv(c).getBytes(StandardCharsets.UTF_8));
    }

    record YearRequest(Integer year, String organ) {
    }

    record RemoveRequest(String reason, Long requestId) {
    }

    record PartyApproval(LocalDate date, String documentNumber) {
    }

    record Completion(String outcome, String reason) {
    }
}

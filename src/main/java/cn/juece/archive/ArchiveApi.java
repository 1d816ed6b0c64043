package cn.juece.archive;

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
@RequestMapping("/api/decisions/{number}/archive")
@Tag(name = "归档", description = "决策机关办公室（县政府办公室；乡镇、街道党政办）在办理归档前记录档案号（第五十九条）")
class ArchiveApi {

    private final ArchiveService archive;
    private final DecisionService decisions;

    ArchiveApi(ArchiveService archive, DecisionService decisions) {
        this.archive = archive;
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "档案号、归档说明及归档办理情况")
    ArchiveService.ArchiveRecord get(@PathVariable String number) {
        return archive.record(decisions.get(number).id()).orElseThrow(() ->
                RuleViolation.notFound("ARCHIVE_NUMBER_NOT_RECORDED", "该决策事项尚未记录档案号。"));
    }

    @GetMapping("/completeness")
    @Operation(summary = "按本事项实际经过的程序，应当归档的材料和记录及其是否齐全（第五十九条）")
    java.util.Map<String, Object> completeness(@PathVariable String number) {
        var d = decisions.get(number);
        return java.util.Map.of("items", archive.completeness(d), "missing", archive.missing(d));
    }

    @PutMapping
    @Operation(summary = "记录或更正档案号（归档阶段，决策机关办公室）",
            description = "archiveNumber 档案号（必填，不超过64个字符，同一决策机关内不重复）；note 归档说明（可选，不超过500字）。"
                    + "“整理归档全部决策材料”须先记录档案号才能办理（ARCHIVE_NUMBER_MISSING）。")
    ArchiveService.ArchiveRecord record(@PathVariable String number, @RequestBody ArchiveRequest request) {
        return archive.recordNumber(number, request.archiveNumber(), request.note());
    }

    record ArchiveRequest(String archiveNumber, String note) {
    }
}

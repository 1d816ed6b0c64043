package cn.juece.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@JsonApi
@Tag(name = "归档", description = "决策机关办公室（县政府办公室；乡镇、街道党政办）在办理归档前记录档案号（第五十九条）")
class ArchivePackageApi {

    private final ArchivePackage archivePackage;
    private final DecisionService decisions;
    private final cn.juece.access.DecisionAccess access;
    private final cn.juece.identity.Directory directory;

    ArchivePackageApi(ArchivePackage archivePackage, DecisionService decisions, cn.juece.access.DecisionAccess access,
                      cn.juece.identity.Directory directory) {
        this.archivePackage = archivePackage;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
    }

    @GetMapping("/api/decisions/{number}/archive-package")
    @Operation(summary = "导出归档包（ZIP，决策机关办公室，第五十九条）",
            description = "一件决策事项一个 ZIP：清单 manifest.json（每个文件和每版材料的 SHA-256）及其摘要 manifest.sha256、全部材料、"
                    + "办理过程、决策事实、执行和后评估记录、审计链（含计算哈希的全部字段）及导出时的校验结果。"
                    + "用 cn.juece.archive.ArchivePackageCli 脱离系统校验。")
    void export(@PathVariable String number, HttpServletResponse response) throws IOException {
        send(archivePackage, access, directory, number, response);
    }

    /** Checks who may export before the first byte is written (so a refusal is still a JSON or page answer). */
    static void send(ArchivePackage archivePackage, cn.juece.access.DecisionAccess access, cn.juece.identity.Directory directory,
                     String number, HttpServletResponse response) throws IOException {
        var d = access.visible(number);
        if (!archivePackage.mayExport(directory.currentActor(), d)) {
            throw cn.juece.support.RuleViolation.forbidden("NOT_GOV_OFFICE", "归档包由"
                    + directory.unitName(directory.organ(d.organCode()).officeUnit()) + "导出（第五十九条），您（"
                    + directory.currentActor().name() + "）无权导出。");
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(ArchivePackage.fileName(d), StandardCharsets.UTF_8).build().toString());
        archivePackage.export(number, response.getOutputStream());
    }
}

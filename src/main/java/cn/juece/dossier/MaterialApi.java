package cn.juece.dossier;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/materials")
@Tag(name = "决策材料", description = "上传和下载决策案卷中的材料；每次上传为新版本，旧版本保留")
class MaterialApi {

    private final MaterialService materials;
    private final DecisionService decisions;

    MaterialApi(MaterialService materials, DecisionService decisions) {
        this.materials = materials;
        this.decisions = decisions;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传材料（新版本）", description = "type 为材料类别代码，例如 DRAFT（决策草案）；title 缺省为类别名称。")
    ResponseEntity<MaterialVersion> upload(@PathVariable String number, @RequestParam("type") String type,
                                           @RequestParam(value = "title", required = false) String title,
                                           @RequestParam(value = "note", required = false) String note,
                                           @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        MaterialType materialType = parseType(type);
        if (file == null) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要上传的文件。");
        }
        MaterialVersion v = materials.upload(number, materialType, title, file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), note);
        return ResponseEntity.created(URI.create("/api/decisions/" + number + "/materials/versions/" + v.id())).body(v);
    }

    @GetMapping
    @Operation(summary = "材料及其全部版本")
    List<Material> list(@PathVariable String number) {
        return materials.materials(decisions.get(number).id());
    }

    @GetMapping("/versions/{versionId}")
    @Operation(summary = "下载某一版本的文件")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long versionId) {
        return MaterialDownloads.forStaff(materials.download(number, versionId));
    }

    static MaterialType parseType(String type) {
        try {
            return MaterialType.valueOf(type == null ? "" : type.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("MATERIAL_TYPE_INVALID", "材料类别“" + type + "”不存在。");
        }
    }
}

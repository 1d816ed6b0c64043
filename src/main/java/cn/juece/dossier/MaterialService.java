package cn.juece.dossier;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The dossier's materials. Each upload is a new version with its SHA-256, never overwriting an older
 * one; the row, the content and the audit entry commit together (Art. 59: every record kept).
 */
@Service
public class MaterialService {

    /** File types a government office uses: documents (incl. OFD and WPS), sheets, slides, images, archives. */
    static final Set<String> ALLOWED_EXTENSIONS = cn.juece.support.FileKinds.extensions();

    private final MaterialRepository materials;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final DataSize maxSize;

    MaterialService(MaterialRepository materials, DecisionAccess access, Responsibilities responsibilities,
                    Directory directory, AuditTrail audit, AppClock clock, @Value("${juece.upload.max-size}") DataSize maxSize) {
        this.materials = materials;
        this.access = access;
        this.responsibilities = responsibilities;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** Uploads a version of a material; the title defaults to the material type's name. */
    @Transactional
    public MaterialVersion upload(String decisionNumber, MaterialType type, String title, String fileName,
                                  String contentType, byte[] bytes, String note) {
        Decision d = access.visible(decisionNumber);
        if (!d.isOpen()) {
            throw cn.juece.decision.DecisionService.closed(d, "上传材料");
        }
        if (type == null) {
            throw RuleViolation.badRequest("MATERIAL_TYPE_REQUIRED", "请选择材料类别。");
        }
        var actor = directory.currentActor();
        String providedFor = provider(d, type, actor);
        String name = cn.juece.support.FileKinds.sanitise(fileName);
        if (name.isEmpty()) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要上传的文件。");
        }
        if (bytes == null || bytes.length == 0) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "上传的文件“" + name + "”是空文件（0字节），请检查后重新上传。");
        }
        if (bytes.length > maxSize.toBytes()) {
            throw new RuleViolation(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "UPLOAD_TOO_LARGE",
                    "上传的文件“" + name + "”大小为" + megabytes(bytes.length) + "，超过系统允许的" + megabytes(maxSize.toBytes())
                            + "。请压缩或拆分后上传。");
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ALLOWED_EXTENSIONS.contains(ext)) {
            throw RuleViolation.badRequest("UPLOAD_TYPE_NOT_ALLOWED",
                    "不支持上传“." + ext + "”类型的文件。可上传：" + String.join("、", ALLOWED_EXTENSIONS.stream().sorted().toList()) + "。");
        }
        // the type by content, not by the sender's name or header (issue 15): the stored type is the extension's
        String mime = cn.juece.support.FileKinds.check(name, ext, bytes);
        if (name.length() > 255) {
            throw RuleViolation.badRequest("FILE_NAME_TOO_LONG", "文件名过长（不超过255个字符）。");
        }
        String materialTitle = title == null || title.isBlank() ? type.label() : title.strip();
        if (materialTitle.length() > 200) {
            throw RuleViolation.badRequest("TITLE_TOO_LONG", "材料名称不超过200字。");
        }
        if (note != null && note.length() > 500) {
            throw RuleViolation.badRequest("NOTE_TOO_LONG", "版本说明不超过500字。");
        }
        var now = clock.now();
        String sha256 = cn.juece.support.Hashes.sha256(bytes);
        if (!materials.hasContent(sha256)) {
            materials.insertContent(sha256, bytes);
        }
        long materialId = materials.findMaterial(d.id(), type, materialTitle)
                .orElseGet(() -> materials.insertMaterial(d.id(), type, materialTitle, actor.id(), now));
        int version = materials.nextVersion(materialId);
        long versionId = materials.insertVersion(materialId, version, name, mime, bytes.length, sha256,
                note == null || note.isBlank() ? null : note.strip(), actor.id(), providedFor, now);
        audit.record(actor, d.id(), d.number(), AuditAction.MATERIAL_UPLOADED,
                "上传材料《" + materialTitle + "》第" + version + "版（" + type.label() + "，文件“" + name + "”，"
                        + megabytes(bytes.length) + "，SHA-256 " + sha256 + "）");
        return materials.version(d.id(), versionId).orElseThrow();
    }

    /**
     * Stores a document the system generated from the dossier (the compliance report, issue 16) as the next version of
     * its material, uploaded by the system for no party, with its audit entry, in the caller's transaction. Only for
     * {@link MaterialType#generatedOnly()} materials; the decision may be read by the person acting or not.
     */
    @Transactional
    public MaterialVersion storeGenerated(Decision d, MaterialType type, String title, String fileName, String contentType,
                                          byte[] bytes, String note) {
        if (!type.generatedOnly()) {
            throw new IllegalArgumentException(type + " is uploaded by people, not generated");
        }
        var system = cn.juece.identity.Actor.system();
        var now = clock.now();
        String sha256 = cn.juece.support.Hashes.sha256(bytes);
        if (!materials.hasContent(sha256)) {
            materials.insertContent(sha256, bytes);
        }
        long materialId = materials.findMaterial(d.id(), type, title)
                .orElseGet(() -> materials.insertMaterial(d.id(), type, title, system.id(), now));
        int version = materials.nextVersion(materialId);
        long versionId = materials.insertVersion(materialId, version, fileName, contentType, bytes.length, sha256,
                note, system.id(), null, now);
        audit.record(system, d.id(), d.number(), AuditAction.MATERIAL_UPLOADED,
                "系统生成材料《" + title + "》第" + version + "版（" + type.label() + "，文件“" + fileName + "”，"
                        + megabytes(bytes.length) + "，SHA-256 " + sha256 + "）");
        return materials.version(d.id(), versionId).orElseThrow();
    }

    /**
     * The group the person provides this material for: one of the parties the material type names (DECISIONS.md 24),
     * e.g. the legality opinion letter only the justice bureau (Art. 46). Anyone else is refused.
     */
    private String provider(Decision d, MaterialType type, cn.juece.identity.Actor actor) {
        if (actor.isSystem()) {
            return null;
        }
        if (type.generatedOnly()) {
            throw RuleViolation.forbidden("MATERIAL_GENERATED_ONLY", "《" + type.label() + "》由系统根据决策案卷自动生成（"
                    + type.article() + "），不能上传。");
        }
        if (type.providers().isEmpty()) {
            // Any unit with a role in the decision (or an organ-wide role, which sees it) may add other materials.
            return actor.unitCode() == null ? null : cn.juece.identity.Groups.unit(actor.unitCode());
        }
        List<String> groups = responsibilities.groups(d, type.providers());
        String group = responsibilities.actingFor(actor, groups);
        if (group == null) {
            throw RuleViolation.forbidden("MATERIAL_NOT_YOUR_ROLE", "《" + type.label() + "》由"
                    + (groups.isEmpty() ? String.join("、", type.providers().stream().map(cn.juece.access.Responsible::label).toList())
                            : responsibilities.names(groups))
                    + "提供（" + type.article() + "），您（" + actor.name() + "）不能上传该类材料。");
        }
        return group;
    }

    /**
     * The material types the person may upload to the decision now (its procedure open): those whose providers they act
     * for, and those anyone with a role may add. The upload form offers only these.
     */
    public List<MaterialType> uploadableTypes(Decision d, cn.juece.identity.Actor actor) {
        if (!d.isOpen()) {
            return List.of();
        }
        return java.util.Arrays.stream(MaterialType.values())
                .filter(t -> !t.generatedOnly())
                .filter(t -> actor.isSystem() || t.providers().isEmpty()
                        || responsibilities.actingFor(actor, responsibilities.groups(d, t.providers())) != null)
                .toList();
    }

    /** The groups who may provide this material in this decision (for gates: evidence counts only from them). */
    public List<String> providers(Decision d, MaterialType type) {
        return type.providers().isEmpty() ? List.of() : responsibilities.groups(d, type.providers());
    }

    /** The newest material version of the decision's dossier (0 when none): the watermark of a closing step. */
    public long newestVersionId(long decisionId) {
        return materials.newestVersionId(decisionId);
    }

    public List<Material> materials(long decisionId) {
        return materials.forDecision(decisionId);
    }

    /** The newest version of any material of that type, or empty. */
    public Optional<MaterialVersion> latest(long decisionId, MaterialType type) {
        return materials.forDecision(decisionId).stream()
                .filter(m -> m.type() == type)
                .map(Material::latest)
                .max(Comparator.comparingLong(MaterialVersion::id));
    }

    /** A version of the decision's materials as people cite it: 《title》第N版 (null when there is none). */
    public String cite(long decisionId, Long versionId) {
        if (versionId == null) {
            return null;
        }
        for (Material m : materials.forDecision(decisionId)) {
            for (MaterialVersion v : m.versions()) {
                if (v.id() == versionId) {
                    return "《" + m.title() + "》第" + v.versionNo() + "版";
                }
            }
        }
        return null;
    }

    public Download download(String decisionNumber, long versionId) {
        Decision d = access.visible(decisionNumber);
        MaterialVersion v = materials.version(d.id(), versionId)
                .orElseThrow(() -> RuleViolation.notFound("MATERIAL_NOT_FOUND", "该决策事项没有这一版本的材料。"));
        byte[] bytes = materials.content(v.sha256()).orElseThrow();
        return new Download(v, bytes);
    }

    public long countVersions() {
        return materials.countVersions();
    }

    public record Download(MaterialVersion version, byte[] bytes) {
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}

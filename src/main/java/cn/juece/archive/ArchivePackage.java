package cn.juece.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.juece.access.DecisionAccess;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditChains;
import cn.juece.audit.AuditTrail;
import cn.juece.audit.ChainRow;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.DossierFacts;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialVersion;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.Step;
import cn.juece.workflow.Steps;
import cn.juece.workflow.TaskOutcomes;

/**
 * The archive package of one decision (Art. 59, format {@link ArchivePackageFormat}): everything an archivist needs to
 * keep the dossier and check it without the system — every material version with its SHA-256, the process history
 * (every step: who, for which unit, when, with what outcome), the facts and records, and the audit chain with the
 * fields its hashes cover and its verification result. For the government office, which archives (Art. 59).
 */
@Service
public class ArchivePackage {

    private final DecisionAccess access;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final Steps steps;
    private final DossierFacts facts;
    private final AuditChains chains;
    private final AuditTrail audit;
    private final ArchiveService archive;
    private final ObjectProvider<ArchiveRecords> records;
    private final ObjectProvider<ArchiveDocuments> documents;
    private final HistoryService history;
    private final RepositoryService repository;
    private final Directory directory;
    private final AppClock clock;
    private final ObjectMapper json;

    ArchivePackage(DecisionAccess access, DecisionService decisions, MaterialService materials, Steps steps, DossierFacts facts,
                   AuditChains chains, AuditTrail audit, ArchiveService archive, ObjectProvider<ArchiveRecords> records,
                   ObjectProvider<ArchiveDocuments> documents, HistoryService history, RepositoryService repository, Directory directory, AppClock clock, ObjectMapper json) {
        this.access = access;
        this.decisions = decisions;
        this.materials = materials;
        this.steps = steps;
        this.facts = facts;
        this.chains = chains;
        this.audit = audit;
        this.archive = archive;
        this.records = records;
        this.documents = documents;
        this.history = history;
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Whether the person may export the package: the government office (Art. 59). */
    public boolean mayExport(Actor actor, Decision d) {
        return actor.isSystem() || actor.groups().contains(Groups.unit(directory.organ(d.organCode()).officeUnit()));
    }

    /** The package's file name. */
    public static String fileName(Decision d) {
        return d.number() + "-归档包.zip";
    }

    /** Writes the package of the decision to the stream, and records the export in the decision's trail. */
    @Transactional
    public void export(String number, OutputStream out) throws IOException {
        Decision d = access.visible(number);
        Actor actor = directory.currentActor();
        if (!mayExport(actor, d)) {
            throw RuleViolation.forbidden("NOT_GOV_OFFICE", "归档包由" + directory.unitName(directory.organ(d.organCode()).officeUnit())
                    + "导出（第五十九条），您（" + actor.name() + "）无权导出。");
        }
        String root = d.number() + "/";
        Map<String, byte[]> generated = new LinkedHashMap<>();
        List<Map<String, Object>> fileList = new ArrayList<>();
        List<Map<String, Object>> materialList = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            // the materials, one file per version, streamed as they are read
            for (Material m : materials.materials(d.id())) {
                List<Map<String, Object>> versions = new ArrayList<>();
                for (MaterialVersion v : m.versions()) {
                    String path = "materials/" + v.id() + "-" + ArchivePackageFormat.safeName(v.fileName());
                    byte[] bytes = materials.download(d.number(), v.id()).bytes();
                    put(zip, root + path, bytes);
                    fileList.add(file(path, bytes));
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("versionId", v.id());
                    x.put("versionNo", v.versionNo());
                    x.put("fileName", v.fileName());
                    x.put("contentType", v.contentType());
                    x.put("size", v.sizeBytes());
                    x.put("sha256", v.sha256());
                    x.put("uploadedBy", v.uploadedBy());
                    x.put("uploadedByName", directory.displayName(v.uploadedBy()));
                    x.put("providedFor", v.providedFor());
                    x.put("providedForName", v.providedFor() == null ? null : directory.groupName(v.providedFor()));
                    x.put("uploadedAt", v.uploadedAt());
                    x.put("note", v.note());
                    x.put("path", path);
                    versions.add(x);
                }
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("materialId", m.id());
                mm.put("type", m.type().name());
                mm.put("typeLabel", m.type().label());
                mm.put("article", m.type().article());
                mm.put("title", m.title());
                mm.put("versions", versions);
                materialList.add(mm);
            }
            // the records
            generated.put("records/decision.json", json.writeValueAsBytes(decisionRecord(d)));
            generated.put("records/history.json", json.writeValueAsBytes(history(d)));
            generated.put("records/facts.json", json.writeValueAsBytes(facts.of(d)));
            for (ArchiveRecords r : records.orderedStream().toList()) {
                generated.put("records/" + r.name() + ".json", json.writeValueAsBytes(r.records(d)));
            }
            // the generated documents (the dossier's index, and what features generate)
            List<Map<String, Object>> documentList = new ArrayList<>();
            for (ArchiveDocuments source : documents.orderedStream().toList()) {
                for (ArchiveDocuments.Document doc : source.documents(d)) {
                    String path = "documents/" + ArchivePackageFormat.safeName(doc.fileName());
                    generated.put(path, doc.bytes());
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("title", doc.title());
                    x.put("path", path);
                    x.put("contentType", doc.contentType());
                    x.put("sha256", ArchivePackageFormat.sha256(doc.bytes()));
                    x.put("size", doc.bytes().length);
                    doc.details().forEach(x::putIfAbsent);
                    documentList.add(x);
                }
            }
            // the audit chain, with every hashed field
            AuditChains.Export chain = chains.export(d.number());
            StringBuilder lines = new StringBuilder();
            for (ChainRow row : chain.rows()) {
                lines.append(ArchivePackageFormat.chainLine(row)).append('\n');
            }
            generated.put(ArchivePackageFormat.AUDIT, lines.toString().getBytes(StandardCharsets.UTF_8));
            generated.put("README.txt", readme(d).getBytes(StandardCharsets.UTF_8));
            for (var e : generated.entrySet()) {
                put(zip, root + e.getKey(), e.getValue());
                fileList.add(file(e.getKey(), e.getValue()));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", ArchivePackageFormat.FORMAT);
            manifest.put("decision", decisionSummary(d));
            manifest.put("generatedAt", clock.now());
            manifest.put("generatedBy", actor.id());
            manifest.put("generatedByName", actor.name());
            manifest.put("files", fileList);
            manifest.put("materials", materialList);
            manifest.put("documents", documentList);
            Map<String, Object> auditChain = new LinkedHashMap<>();
            auditChain.put("chain", d.number());
            auditChain.put("file", ArchivePackageFormat.AUDIT);
            auditChain.put("canonicalForm", "juece-audit-1：SHA-256（见 cn.juece.audit.AuditChainHash），链首前一条哈希为64个0");
            auditChain.put("entries", chain.rows().size());
            auditChain.put("head", chain.head() == null ? null : Map.of("lastSeq", chain.head().lastSeq(), "lastHash", chain.head().lastHash()));
            auditChain.put("verification", chain.report());
            auditChain.put("verificationText", chain.report().describe());
            manifest.put("auditChain", auditChain);
            byte[] manifestBytes = json.writeValueAsBytes(manifest);
            put(zip, root + ArchivePackageFormat.MANIFEST, manifestBytes);
            put(zip, root + ArchivePackageFormat.MANIFEST_DIGEST, ArchivePackageFormat.digestLine(manifestBytes).getBytes(StandardCharsets.UTF_8));
            audit.record(actor, d.id(), d.number(), AuditAction.ARCHIVE_PACKAGE_EXPORTED, "导出归档包（" + materialList.size() + "件材料、"
                    + fileList.size() + "个文件、审计链" + chain.rows().size() + "条，清单 SHA-256 " + ArchivePackageFormat.sha256(manifestBytes)
                    + "，第五十九条）");
        }
    }

    private Map<String, Object> decisionSummary(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", d.number());
        m.put("title", d.title());
        m.put("organ", directory.organ(d.organCode()).name());
        m.put("status", d.status().name());
        m.put("statusLabel", d.status().label());
        decisions.ending(d.id()).ifPresent(e -> {
            m.put("outcome", e.status().name());
            m.put("outcomeLabel", e.status().label());
            m.put("endedAt", e.endedAt());
        });
        archive.record(d.id()).ifPresent(a -> {
            m.put("archiveNumber", a.archiveNumber());
            m.put("filedAt", a.filed() ? a.filing().actedAt() : null);
        });
        return m;
    }

    private Map<String, Object> decisionRecord(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d);
        m.put("leadUnitName", directory.unitName(d.leadUnit()));
        m.put("coUnitNames", d.coUnits().stream().map(directory::unitName).toList());
        m.put("stages", decisions.stageEntries(d.id()));
        m.put("ending", decisions.ending(d.id()).orElse(null));
        m.put("archive", archive.record(d.id()).orElse(null));
        m.put("archiveCompleteness", archive.completeness(d));
        return m;
    }

    /** Every step: which, for which party and unit, opened and closed when, by whom for which group, with what outcome. */
    private List<Map<String, Object>> history(Decision d) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Step s : steps.ofDecision(d.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("taskId", s.taskId());
            m.put("taskKey", s.taskKey());
            m.put("taskName", s.taskName());
            m.put("round", s.round());
            m.put("party", s.party() == null ? null : s.party().name());
            m.put("partyLabel", s.party() == null ? null : s.party().label());
            m.put("subjectUnit", s.subjectUnit());
            m.put("subjectUnitName", s.subjectUnit() == null ? null : directory.unitName(s.subjectUnit()));
            m.put("state", s.state().name());
            m.put("createdAt", s.createdAt());
            m.put("completedAt", s.completedAt());
            m.put("completedBy", s.completedBy());
            m.put("completedByName", s.completedBy() == null ? null : directory.displayName(s.completedBy()));
            m.put("actedFor", s.actedFor());
            m.put("actedForName", s.actedFor() == null ? null : directory.groupName(s.actedFor()));
            m.put("outcome", s.outcome());
            m.put("outcomeLabel", s.outcome() == null ? null : labels.computeIfAbsent(s.processInstanceId(), this::outcomes).get(s.taskKey() + "/" + s.outcome()));
            list.add(m);
        }
        return list;
    }

    /** taskKey/CODE → Chinese label, for the process definition a process instance ran on. */
    private Map<String, String> outcomes(String processInstanceId) {
        Map<String, String> labels = new HashMap<>();
        var pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (pi == null) {
            return labels;
        }
        var model = repository.getBpmnModelInstance(pi.getProcessDefinitionId());
        for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
            TaskOutcomes.of(task).forEach((code, label) -> labels.put(task.getId() + "/" + code, label));
        }
        return labels;
    }

    private String readme(Decision d) {
        return """
                重大行政决策归档包（%s）
                决策事项：%s
                格式：%s

                manifest.json    清单：每个文件的 SHA-256 和大小、每件材料的各个版本、审计链的链头及导出时的校验结果
                manifest.sha256  清单文件的 SHA-256（可用 sha256sum -c manifest.sha256 核对）
                materials/       全部材料的全部版本（原文件）
                audit/chain.jsonl 审计链：每行一条记录，含计算哈希所需的全部字段
                documents/       系统生成的文书：卷内文件目录（每一版材料的类型、依据、提供人和单位、时间、SHA-256），
                                 以及办理中生成的各份公文（合法性审查意见书、会议纪要、决策公布公告等）的 Word 版和 PDF 版
                records/         决策事项及其程序结束方式、办理过程（每个环节由谁、代表哪个单位、何时、结果）、决策事实、执行和后评估记录

                脱离系统校验（无需数据库）：
                  ./mvnw -q compile exec:java -Dexec.mainClass=cn.juece.archive.ArchivePackageCli -Dexec.args="<归档包.zip 或解压目录>"
                或仅用 JDK 17 和本系统的 jar 包：
                  java -cp juece.jar -Dloader.main=cn.juece.archive.ArchivePackageCli org.springframework.boot.loader.launch.PropertiesLauncher <归档包.zip 或解压目录>
                逐一核对清单摘要、每个文件的 SHA-256、每一版材料，并按 juece-audit-1 规范重新计算审计链；全部无误时退出码为0。
                建议将导出时记录的清单 SHA-256 和审计链末条哈希另行登记保存，以便发现整包被替换。
                """.formatted(d.number(), d.title(), ArchivePackageFormat.FORMAT);
    }

    private static Map<String, Object> file(String path, byte[] bytes) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path);
        f.put("sha256", ArchivePackageFormat.sha256(bytes));
        f.put("size", bytes.length);
        return f;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}

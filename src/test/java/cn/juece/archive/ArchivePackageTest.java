package cn.juece.archive;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Art. 59: every matter is archived however it ended, once the dossier holds what its path produced (one refusal
 * naming everything missing); an archived dossier is read-only; its package is one ZIP an archivist verifies without
 * the system, and a changed file or a rewritten audit line in it is found.
 */
class ArchivePackageTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyEarlyEndingIsArchivedAndKeepsHowItEnded() {
        var d = driver();
        String outOfScope = d.create("县政府机关内部考勤管理办法（归档·不适用）");
        d.upload(LEAD, outOfScope, "STUDY_REPORT");
        d.complete(LEAD, outOfScope, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于政府内部事务管理，不适用本规定");
        d.complete(JUSTICE, outOfScope, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意");

        String notLaunched = d.create("县城夜市街区建设（归档·不启动）");
        d.study(notLaunched);
        d.complete(ORGAN, notLaunched, "launch-decide", "gx-organ", "DECLINE", "条件尚不成熟");

        String terminated = d.create("县城区户外广告管理规定（归档·终止）");
        d.study(terminated);
        d.launch(terminated);
        d.draft(terminated, false, false, false);
        d.submitForLegality(terminated);
        d.review(terminated, "ILLEGAL", "超越法定权限");
        d.complete(ORGAN, terminated, "legality-disposition", "gx-organ", "TERMINATE", "县政府第16次常务会议决定终止");

        String rejected = d.create("县城区禁止燃放烟花爆竹规定（归档·不同意）");
        d.study(rejected);
        d.launch(rejected);
        d.draft(rejected, false, false, false);
        d.submitForLegality(rejected);
        d.review(rejected, "PASSED", null);
        d.meeting(rejected, "REJECTED");

        Map<String, String> endings = Map.of(outOfScope, "OUT_OF_SCOPE", notLaunched, "NOT_LAUNCHED", terminated, "TERMINATED",
                rejected, "REJECTED");
        endings.forEach((n, ending) -> {
            assertThat(d.status(n)).as(n).isEqualTo(ending);
            assertThat(d.stage(n)).as(n).isEqualTo("ARCHIVE");
            assertThat(d.openTaskKeys(n)).as(n).containsExactly("archive-file");
            d.archive(n);
            assertThat(d.status(n)).as(n).isEqualTo("ARCHIVED");
            assertThat(d.decision(n).get("outcome").get("code").asText()).as(n).isEqualTo(ending);
        });
        assertThat(d.decision(terminated).get("outcome").get("label").asText()).isEqualTo("终止决策（第四十五条）");
        assertThat(d.decision(rejected).get("outcome").get("label").asText()).isEqualTo("不同意（第五十条）");
        // the archive asked only what each path produced: no meeting minutes of a matter that never met
        JsonNode items = d.as(OFFICE).get("/api/decisions/" + notLaunched + "/archive/completeness").getBody().get("items");
        assertThat(items.toString()).contains("研究论证报告").doesNotContain("会议记录", "合法性审查意见书");
        assertThat(d.as(OFFICE).get("/api/decisions/" + rejected + "/archive/completeness").getBody().get("items").toString())
                .contains("会议记录", "合法性审查意见书", "合法性审查送审请示", "提请集体讨论的请示").doesNotContain("决策文件");
    }

    @Test
    void theArchiveIsRefusedWhileIncompleteNamingEverythingMissingOnEveryPath() {
        var d = driver();
        String n = d.create("县级财政专项资金预算调整（归档不全）");
        d.complete(LEAD, n, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于财政政策等宏观调控决策，依第三条不适用本规定");
        d.complete(JUSTICE, n, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意，不适用本规定");
        String task = d.task(n, "archive-file").get("id").asText();

        var api = d.as(OFFICE).complete(task, "ARCHIVED", "案卷已整理");
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("ARCHIVE_INCOMPLETE");
        assertThat(api.getBody().get("message").asText()).contains("尚缺2项", "1. 《研究论证报告》（第十一条；已办理“研究论证决策事项建议”）",
                "2. 档案号（第五十九条；由县政府办公室记录）", "第五十九条");
        assertRefused(d.as(OFFICE).post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "outcome", Map.of("value", "ARCHIVED"), "reason", Map.of("value", "案卷已整理")))), "ARCHIVE_INCOMPLETE", "《研究论证报告》", "档案号");
        JsonNode completeness = d.as(OFFICE).get("/api/decisions/" + n + "/archive/completeness").getBody();
        assertThat(completeness.get("missing")).hasSize(2);
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        // the dossier shows the same list
        String page = new cn.juece.support.StaffBrowser(port, OFFICE, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("按本事项实际经过的程序应当归档的材料和记录", "《研究论证报告》", "缺少");

        d.upload(LEAD, n, "STUDY_REPORT");
        var onlyNumber = d.as(OFFICE).complete(task, "ARCHIVED", "案卷已整理");
        assertThat(onlyNumber.getBody().get("code").asText()).isEqualTo("ARCHIVE_NUMBER_MISSING");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
    }

    @Test
    void anArchivedDossierIsReadOnlyAndItsPackageVerifiesWithoutTheSystem() throws Exception {
        var d = driver();
        String n = d.published("县域农村公路养护管理办法（归档包）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj", "zjj");
        d.report(LEAD, n, "县道养护招标完成", false);
        d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "INVESTIGATION", "title", "农村公路养护专项督查",
                "findings", "两个乡镇养护资金拨付滞后，已责令整改", "heldOn", LifecycleDriver.localToday().toString()));
        d.upload(LEAD, n, "EXECUTION_REPORT");
        d.report(LEAD, n, "县道养护任务全部完成", true);
        d.upload("zjj_sun", n, "EXECUTION_REPORT");
        d.report("zjj_sun", n, "乡村道路养护任务全部完成", true);
        d.skipEvaluation(n);
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");

        // read-only: uploads, records and steps are refused
        var upload = d.as(LEAD).upload(n, "OTHER", "补充.docx", "补充".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.getBody().get("code").asText()).isEqualTo("DECISION_CLOSED");
        assertThat(upload.getBody().get("message").asText()).contains("已归档（第五十九条）", "不能再上传材料");
        var inspection = d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "NOTICE", "title", "通报",
                "findings", "补记", "heldOn", LifecycleDriver.localToday().toString()));
        assertThat(inspection.getBody().get("code").asText()).isEqualTo("DECISION_CLOSED");
        var number = d.as(OFFICE).put("/api/decisions/" + n + "/archive", Map.of("archiveNumber", "WS-改"));
        assertThat(number.getBody().get("code").asText()).isEqualTo("DECISION_CLOSED");
        assertThat(d.openTaskKeys(n)).isEmpty();

        // the package: the government office exports it (the dossier's button), others are refused
        assertThat(new cn.juece.support.StaffBrowser(port, OFFICE, PASSWORD).get("/decisions/" + n))
                .contains("导出归档包（ZIP）", "程序结束：决策执行完毕（第五十三条）", "/decisions/" + n + "/execution");
        assertThat(new cn.juece.support.StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n)).doesNotContain("导出归档包（ZIP）");
        var refused = d.as(LEAD).get("/api/decisions/" + n + "/archive-package");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("NOT_GOV_OFFICE");
        ResponseEntity<byte[]> zip = d.as(OFFICE).raw().get().uri("/api/decisions/{n}/archive-package", n).retrieve().toEntity(byte[].class);
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Path file = temp.resolve(n + ".zip");
        Files.write(file, zip.getBody());
        // a sample beside the build, to try the command line on (README: ArchivePackageCli)
        Files.createDirectories(Path.of("target", "archive-package-sample"));
        Files.write(Path.of("target", "archive-package-sample", n + "-归档包.zip"), zip.getBody());
        Path dir = unzip(zip.getBody(), temp.resolve("unzipped"));
        Path root = dir.resolve(n);

        JsonNode manifest = JSON.readTree(root.resolve("manifest.json").toFile());
        assertThat(manifest.get("format").asText()).isEqualTo("juece-archive-1");
        assertThat(manifest.get("decision").get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(manifest.get("decision").get("archiveNumber").asText()).isEqualTo(LifecycleDriver.archiveNumber(n));
        int versions = 0;
        for (JsonNode m : manifest.get("materials")) {
            versions += m.get("versions").size();
        }
        assertThat(versions).isEqualTo(d.as(OFFICE).get("/api/decisions/" + n + "/materials").getBody().findValues("versionNo").size());
        assertThat(manifest.get("auditChain").get("verification").get("intact").asBoolean()).isTrue();
        assertThat(Files.readString(root.resolve("manifest.sha256"))).startsWith(ArchivePackageFormat.sha256(Files.readAllBytes(root.resolve("manifest.json"))));
        // every step: who, for which group, when, with what outcome
        JsonNode history = JSON.readTree(root.resolve("records/history.json").toFile());
        assertThat(history.toString()).contains("\"taskKey\":\"execution-report\"", "\"subjectUnitName\":\"县住房和城乡建设局\"",
                "\"completedBy\":\"zjj_sun\"", "\"outcomeLabel\":\"本单位执行任务已完成，提交执行情况总结报告\"", "\"actedForName\"");
        assertThat(Files.readString(root.resolve("records/execution.json"))).contains("农村公路养护专项督查").doesNotContain("contact");
        assertThat(Files.readString(root.resolve("records/facts.json"))).contains("EXECUTION_REPORT", "ARCHIVE_NUMBER");
        // a generated document: the dossier's index, one line per material version with its SHA-256
        Path index = root.resolve("documents/卷内文件目录.csv");
        String indexText = Files.readString(index, StandardCharsets.UTF_8);
        assertThat(indexText).startsWith("\uFEFF序号,材料类型,依据,题名,版本,文件名,提供人,提供单位,提交时间,SHA-256")
                .contains("决策执行情况报告", "县住房和城乡建设局");
        assertThat(indexText.strip().split("\r\n")).hasSize(versions + 1);
        assertThat(manifest.get("documents").get(0).get("title").asText()).isEqualTo("卷内文件目录");
        assertThat(manifest.get("documents").get(0).get("sha256").asText()).isEqualTo(ArchivePackageFormat.sha256(Files.readAllBytes(index)));
        for (JsonNode mm : manifest.get("materials")) {
            assertThat(indexText).contains(mm.get("versions").get(0).get("sha256").asText());
        }

        // Art. 59: the official documents generated on the way (legality review, meeting, publication), Word and PDF as
        // stored, each listed with its kind and SHA-256, byte for byte the dossier's material version
        java.util.Set<String> kinds = new java.util.HashSet<>();
        int official = 0;
        for (JsonNode doc : manifest.get("documents")) {
            if (!doc.has("kind")) {
                continue;
            }
            official++;
            kinds.add(doc.get("kind").asText());
            Path p = root.resolve(doc.get("path").asText());
            byte[] bytes = Files.readAllBytes(p);
            assertThat(ArchivePackageFormat.sha256(bytes)).as(doc.get("path").asText()).isEqualTo(doc.get("sha256").asText());
            assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo(doc.get("path").asText().endsWith(".pdf") ? "%PDF" : "PK\u0003\u0004");
            assertThat(manifest.get("materials").findValues("sha256").stream().map(JsonNode::asText)).contains(doc.get("sha256").asText());
        }
        assertThat(kinds).contains("LEGALITY_OPINION", "MEETING_MINUTES", "ADOPTION_SUMMARY");
        assertThat(official % 2).isZero();
        assertThat(manifest.get("documents").toString()).contains("合法性审查意见书（PDF 版）", "意见收集采纳情况说明（Word 版）");

        // the offline command: the package verifies, from the folder and from the ZIP
        assertThat(verify(root)).contains("校验结果：归档包完整").contains("审计链：完整").contains("文书：" + manifest.get("documents").size() + "份");
        assertThat(exitCode(root)).isZero();
        assertThat(exitCode(file)).isZero();

        // a changed generated document is named
        byte[] indexBytes = Files.readAllBytes(index);
        Files.writeString(index, indexText.replace("决策执行情况报告", "其他材料"), StandardCharsets.UTF_8);
        assertThat(verify(root)).contains("文件与清单登记的 SHA-256 不符（已被改动）：documents/卷内文件目录.csv");
        Files.write(index, indexBytes);
        assertThat(exitCode(root)).isZero();
        // a changed official document (the legality opinion's PDF) is named, and the package fails
        Path opinion = root.resolve(StreamSupport.stream(manifest.get("documents").spliterator(), false)
                .filter(x -> x.path("kind").asText().equals("LEGALITY_OPINION") && x.get("path").asText().endsWith(".pdf"))
                .findFirst().orElseThrow().get("path").asText());
        byte[] opinionBytes = Files.readAllBytes(opinion);
        byte[] tampered = opinionBytes.clone();
        tampered[tampered.length / 2] ^= 1;
        Files.write(opinion, tampered);
        assertThat(exitCode(root)).isEqualTo(1);
        assertThat(verify(root)).contains("文件与清单登记的 SHA-256 不符（已被改动）：" + root.relativize(opinion).toString().replace('\\', '/'));
        Files.write(opinion, opinionBytes);
        assertThat(exitCode(root)).isZero();
        // a changed material file is named
        Path material = Files.list(root.resolve("materials")).sorted().findFirst().orElseThrow();
        byte[] original = Files.readAllBytes(material);
        Files.write(material, "篡改后的内容".getBytes(StandardCharsets.UTF_8));
        assertThat(exitCode(root)).isEqualTo(1);
        assertThat(verify(root)).contains("文件与清单登记的 SHA-256 不符（已被改动）：materials/" + material.getFileName());
        Files.write(material, original);
        assertThat(exitCode(root)).isZero();

        // an audit line rewritten, even with the manifest and its digest recomputed to cover it, breaks the chain
        Path chain = root.resolve("audit/chain.jsonl");
        List<String> lines = Files.readAllLines(chain, StandardCharsets.UTF_8);
        ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(3));
        entry.put("detail", entry.get("detail").asText() + "（事后补记）");
        lines.set(3, JSON.writeValueAsString(entry));
        Files.write(chain, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verify(root)).contains("文件与清单登记的 SHA-256 不符（已被改动）：audit/chain.jsonl", "HASH_MISMATCH");
        ObjectNode m = (ObjectNode) manifest;
        for (JsonNode f : m.get("files")) {
            if (f.get("path").asText().equals("audit/chain.jsonl")) {
                ((ObjectNode) f).put("sha256", ArchivePackageFormat.sha256(Files.readAllBytes(chain)));
                ((ObjectNode) f).put("size", Files.size(chain));
            }
        }
        byte[] forged = JSON.writeValueAsBytes(m);
        Files.write(root.resolve("manifest.json"), forged);
        Files.writeString(root.resolve("manifest.sha256"), ArchivePackageFormat.digestLine(forged));
        String report = verify(root);
        assertThat(report).contains("清单摘要：一致", "审计链：发现问题", "第4条", "HASH_MISMATCH").doesNotContain("文件与清单登记的");
        assertThat(exitCode(root)).isEqualTo(1);
        // and a manifest changed without its digest
        Files.write(root.resolve("manifest.json"), JSON.writeValueAsBytes(manifest.deepCopy()));
        Files.writeString(root.resolve("manifest.sha256"), "0".repeat(64) + "  manifest.json\n");
        assertThat(verify(root)).contains("清单文件 manifest.json 与其摘要（manifest.sha256）不符");
        // the export is in the decision's trail
        assertThat(d.auditActions(n)).contains("ARCHIVE_PACKAGE_EXPORTED");
    }

    private static String verify(Path p) {
        var out = new ByteArrayOutputStream();
        ArchivePackageCli.run(new String[] {p.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int exitCode(Path p) {
        return ArchivePackageCli.run(new String[] {p.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Path unzip(byte[] zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as(e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return into;
    }
}

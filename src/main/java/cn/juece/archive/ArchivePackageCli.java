package cn.juece.archive;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.audit.AuditChainVerifier;
import cn.juece.audit.ChainHead;
import cn.juece.audit.ChainReport;
import cn.juece.audit.ChainRow;

/**
 * Verifies an archive package (Art. 59) without the application, its database or Spring: the manifest's own digest,
 * every file's SHA-256 and size against the manifest (a file missing, changed or added is named), every material
 * version against its file, and the audit chain recomputed entry by entry ({@code AuditChainHash}) up to the head the
 * manifest records. Exit code 0 when everything holds, 1 when anything is wrong (each problem on its own line), 2
 * when it cannot check.
 *
 * <pre>
 *   ArchivePackageCli &lt;package.zip | unzipped folder&gt;
 *   ./mvnw -q compile exec:java -Dexec.mainClass=cn.juece.archive.ArchivePackageCli -Dexec.args="GX-2026-0001-归档包.zip"
 * </pre>
 */
public final class ArchivePackageCli {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    private ArchivePackageCli() {
    }

    public static void main(String[] args) {
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println("用法：ArchivePackageCli <归档包.zip 或解压后的目录>");
            out.println("校验清单（manifest.json）自身的摘要、每个文件的 SHA-256、每一版材料和审计链；全部无误时退出码为0，发现问题为1，无法校验为2。");
            return args.length == 1 ? INTACT : CANNOT_CHECK;
        }
        Map<String, byte[]> files;
        try {
            files = read(Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            err.println("无法读取归档包：" + e.getMessage());
            return CANNOT_CHECK;
        }
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = files.get(ArchivePackageFormat.MANIFEST);
        if (manifestBytes == null) {
            err.println("归档包中没有清单文件 " + ArchivePackageFormat.MANIFEST + "，无法校验。");
            return CANNOT_CHECK;
        }
        JsonNode manifest;
        try {
            manifest = ArchivePackageFormat.JSON.readTree(manifestBytes);
        } catch (IOException e) {
            err.println("清单文件无法解析：" + e.getMessage());
            return CANNOT_CHECK;
        }
        if (!ArchivePackageFormat.FORMAT.equals(manifest.path("format").asText())) {
            err.println("不是可识别的归档包格式：" + manifest.path("format").asText("（未注明）") + "（应为 " + ArchivePackageFormat.FORMAT + "）。");
            return CANNOT_CHECK;
        }
        String number = manifest.path("decision").path("number").asText();
        out.println("归档包：" + number + " " + manifest.path("decision").path("title").asText());

        // 1. the manifest's own digest
        byte[] digest = files.get(ArchivePackageFormat.MANIFEST_DIGEST);
        String actual = ArchivePackageFormat.sha256(manifestBytes);
        if (digest == null) {
            problems.add("缺少清单摘要文件 " + ArchivePackageFormat.MANIFEST_DIGEST);
        } else if (!new String(digest, StandardCharsets.UTF_8).strip().startsWith(actual)) {
            problems.add("清单文件 manifest.json 与其摘要（manifest.sha256）不符：清单被改动（实际 SHA-256 " + actual + "）");
        } else {
            out.println("清单摘要：一致（SHA-256 " + actual + "）");
        }

        // 2. every file against the manifest, and nothing more
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f));
        int ok = 0;
        for (var e : listed.entrySet()) {
            byte[] bytes = files.get(e.getKey());
            if (bytes == null) {
                problems.add("文件缺失：" + e.getKey());
                continue;
            }
            String sha = ArchivePackageFormat.sha256(bytes);
            if (!sha.equals(e.getValue().path("sha256").asText())) {
                problems.add("文件与清单登记的 SHA-256 不符（已被改动）：" + e.getKey() + "（登记 " + e.getValue().path("sha256").asText()
                        + "，实际 " + sha + "）");
            } else if (e.getValue().has("size") && e.getValue().get("size").asLong() != bytes.length) {
                problems.add("文件大小与清单不符：" + e.getKey());
            } else {
                ok++;
            }
        }
        for (String path : files.keySet()) {
            if (!listed.containsKey(path) && !path.equals(ArchivePackageFormat.MANIFEST) && !path.equals(ArchivePackageFormat.MANIFEST_DIGEST)) {
                problems.add("清单未登记的文件：" + path);
            }
        }
        out.println("文件：清单登记" + listed.size() + "个，核对一致" + ok + "个");

        // 3. every material version against its file
        int versions = 0;
        for (JsonNode m : manifest.path("materials")) {
            for (JsonNode v : m.path("versions")) {
                versions++;
                JsonNode file = listed.get(v.path("path").asText());
                if (file == null || !file.path("sha256").asText().equals(v.path("sha256").asText())) {
                    problems.add("材料《" + m.path("title").asText() + "》第" + v.path("versionNo").asText() + "版的 SHA-256 与其文件的登记不符："
                            + v.path("path").asText());
                }
            }
        }
        out.println("材料：" + manifest.path("materials").size() + "件、" + versions + "个版本");

        // 3a. every generated document (the dossier's index, the official documents in Word and PDF) against its file
        for (JsonNode doc : manifest.path("documents")) {
            JsonNode file = listed.get(doc.path("path").asText());
            if (file == null || !file.path("sha256").asText().equals(doc.path("sha256").asText())) {
                problems.add("文书《" + doc.path("title").asText() + "》的 SHA-256 与其文件的登记不符：" + doc.path("path").asText());
            }
        }
        out.println("文书：" + manifest.path("documents").size() + "份");

        // 4. the audit chain, recomputed up to the head recorded at export
        JsonNode chain = manifest.path("auditChain");
        byte[] lines = files.get(chain.path("file").asText(ArchivePackageFormat.AUDIT));
        if (lines == null) {
            problems.add("审计链文件缺失：" + chain.path("file").asText(ArchivePackageFormat.AUDIT));
        } else {
            List<ChainRow> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(ArchivePackageFormat.chainRow(line));
                } catch (IOException | RuntimeException e) {
                    problems.add("审计链第" + lineNo + "行无法解析：" + e.getMessage());
                }
            }
            JsonNode h = chain.path("head");
            ChainHead head = h.isMissingNode() || h.isNull() ? null
                    : new ChainHead(chain.path("chain").asText(), h.path("lastSeq").asLong(), h.path("lastHash").asText());
            ChainReport report = AuditChainVerifier.verify(chain.path("chain").asText(number), rows, head);
            if (report.intact()) {
                out.println("审计链：" + report.describe() + "，末条哈希 " + report.lastHash());
            } else {
                problems.add("审计链：" + report.describe() + " [" + report.firstBroken().code() + "]");
            }
        }

        if (problems.isEmpty()) {
            out.println("校验结果：归档包完整，未发现问题。");
            return INTACT;
        }
        for (String p : problems) {
            out.println("问题：" + p);
        }
        out.println("校验结果：发现" + problems.size() + "个问题。");
        return BROKEN;
    }

    /** Every file of the package by its path below the top folder (a ZIP, or the folder it was unzipped to). */
    static Map<String, byte[]> read(Path source) throws IOException {
        Map<String, byte[]> raw = new TreeMap<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    raw.put(source.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(source); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.isDirectory()) {
                        raw.put(e.getName(), zip.readAllBytes());
                    }
                }
            }
        }
        // the top folder (the decision's number) is where the manifest is
        String top = raw.keySet().stream().filter(k -> k.endsWith("/" + ArchivePackageFormat.MANIFEST) || k.equals(ArchivePackageFormat.MANIFEST))
                .map(k -> k.substring(0, k.length() - ArchivePackageFormat.MANIFEST.length())).min(java.util.Comparator.comparingInt(String::length))
                .orElse("");
        Map<String, byte[]> files = new TreeMap<>();
        raw.forEach((k, v) -> files.put(k.startsWith(top) ? k.substring(top.length()) : k, v));
        return files;
    }
}

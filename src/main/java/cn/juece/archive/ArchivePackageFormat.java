package cn.juece.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.audit.AuditChainHash;
import cn.juece.audit.ChainRow;

/**
 * The archive package of one decision (Art. 59), format {@value #FORMAT}: a ZIP whose top folder is the decision's
 * number, holding
 * <pre>
 *   manifest.json          what the package holds: every file with its SHA-256 and size, every material and version,
 *                          the audit chain's head and its verification result at export
 *   manifest.sha256        the SHA-256 of manifest.json ("hex  manifest.json")
 *   materials/…            every version of every material, as uploaded (generated documents are materials too)
 *   audit/chain.jsonl      the decision's audit chain, one entry per line with every field its hash covers
 *   records/*.json         the decision and its ending, the process history (every step), the facts, the execution
 *                          and evaluation records
 *   README.txt             how to verify it without the system
 * </pre>
 * Plain Java and Jackson, no Spring: the exporter and {@link ArchivePackageCli} share it.
 */
public final class ArchivePackageFormat {

    public static final String FORMAT = "juece-archive-1";
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_DIGEST = "manifest.sha256";
    public static final String AUDIT = "audit/chain.jsonl";

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ArchivePackageFormat() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line of manifest.sha256, as sha256sum writes it (so {@code sha256sum -c manifest.sha256} checks it too). */
    public static String digestLine(byte[] manifest) {
        return sha256(manifest) + "  " + MANIFEST + "\n";
    }

    /** An audit entry as one JSON line: every field of the canonical form, nulls written as null. */
    public static String chainLine(ChainRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("chainKey", r.chainKey());
        m.put("seq", r.seq());
        m.put("prevHash", r.prevHash());
        m.put("entryHash", r.entryHash());
        m.put("occurredAt", r.occurredAt() == null ? null : AuditChainHash.instant(r.occurredAt()));
        m.put("decisionId", r.decisionId());
        m.put("decisionNumber", r.decisionNumber());
        m.put("actorId", r.actorId());
        m.put("actorName", r.actorName());
        m.put("actorUnit", r.actorUnit());
        m.put("actorRoles", r.actorRoles());
        m.put("actedFor", r.actedFor());
        m.put("action", r.action());
        m.put("detail", r.detail());
        m.put("materials", r.materials());
        try {
            return JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An audit entry read back from its line. */
    public static ChainRow chainRow(String line) throws java.io.IOException {
        JsonNode n = JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
        return new ChainRow(n.path("id").asLong(), text(n, "chainKey"), number(n, "seq"), text(n, "prevHash"),
                text(n, "entryHash"), n.hasNonNull("occurredAt") ? Instant.parse(n.get("occurredAt").asText()) : null,
                number(n, "decisionId"), text(n, "decisionNumber"), text(n, "actorId"), text(n, "actorName"),
                text(n, "actorUnit"), text(n, "actorRoles"), text(n, "actedFor"), text(n, "action"), text(n, "detail"),
                text(n, "materials"));
    }

    /** A file name safe in a ZIP on every system: no path, no control or reserved characters. */
    static String safeName(String name) {
        String s = name == null ? "file" : name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "file" : s;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Long number(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asLong() : null;
    }
}

package cn.juece.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of an audit entry and its hash (DECISIONS.md 26). Plain Java, no Spring: anyone can
 * recompute a chain from the rows.
 *
 * <p>An entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes of
 * <pre>
 *   juece-audit-1 F(chain_key) F(chain_seq) F(prev_hash) F(occurred_at) F(decision_id) F(decision_number)
 *                 F(actor_id) F(actor_name) F(actor_unit) F(actor_roles) F(acted_for) F(action) F(detail) F(materials)
 * </pre>
 * written without spaces, where each field F is {@code |-} when the value is SQL NULL and otherwise
 * {@code |<n>:<value>}, n being the number of UTF-8 bytes of the value in decimal (so no value can be
 * mistaken for another's end). Numbers (chain_seq, decision_id) are written in decimal; occurred_at as the UTC
 * instant with exactly three fraction digits, {@code 2026-03-05T01:02:03.040Z} (the column holds it truncated
 * to milliseconds); materials is the stored JSON text as it is. The first entry of a chain has seq 1 and
 * prev_hash {@link #GENESIS}; each later entry's prev_hash is the previous entry's hash.
 */
public final class AuditChainHash {

    /** Marks the canonical form's version: a later form would use another tag. */
    public static final String FORM = "juece-audit-1";
    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The chain of entries that belong to no decision and no catalogue (organisation, calendar, mail, …). */
    public static final String ORG_CHAIN = "ORG";

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChainHash() {
    }

    /** The chain an entry belongs to: the decision's or catalogue's number, else {@link #ORG_CHAIN}. */
    public static String chainOf(String decisionNumber) {
        return decisionNumber == null || decisionNumber.isBlank() ? ORG_CHAIN : decisionNumber;
    }

    public static String hash(ChainRow row) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalForm(row)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] canonicalForm(ChainRow row) {
        var out = new ByteArrayOutputStream(256 + (row.detail() == null ? 0 : row.detail().length() * 3));
        out.writeBytes(FORM.getBytes(StandardCharsets.US_ASCII));
        field(out, row.chainKey());
        field(out, row.seq() == null ? null : row.seq().toString());
        field(out, row.prevHash());
        field(out, row.occurredAt() == null ? null : instant(row.occurredAt()));
        field(out, row.decisionId() == null ? null : row.decisionId().toString());
        field(out, row.decisionNumber());
        field(out, row.actorId());
        field(out, row.actorName());
        field(out, row.actorUnit());
        field(out, row.actorRoles());
        field(out, row.actedFor());
        field(out, row.action());
        field(out, row.detail());
        field(out, row.materials());
        return out.toByteArray();
    }

    /** occurred_at as hashed: UTC, truncated to milliseconds, always three fraction digits. */
    public static String instant(Instant at) {
        return INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(new byte[]{'|', '-'});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("|" + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }
}

package cn.juece.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A material version in force at an act, named in its audit entry: the material, the version's id and number,
 * and the SHA-256 of its content. Stored in the entry as a compact JSON list
 * {@code [{"id":12,"versionId":34,"version":2,"sha256":"…"}]} ({@code id} is the material's), which the
 * entry's hash covers as written.
 */
public record MaterialRef(long materialId, long versionId, int version, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public MaterialRef {
        sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits: " + sha256);
        }
    }

    /** The compact JSON written to the audit entry (one form only, so the hash is reproducible); null for null. */
    static String toJson(List<MaterialRef> materials) {
        if (materials == null) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (MaterialRef m : materials) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"id\":").append(m.materialId()).append(",\"versionId\":").append(m.versionId())
                    .append(",\"version\":").append(m.version()).append(",\"sha256\":\"").append(m.sha256()).append("\"}");
        }
        return json.append(']').toString();
    }

    /**
     * The list read back from an entry (null when the entry names none, or when the stored text is no longer
     * such a list: verification reports that entry, the trail stays readable).
     */
    static List<MaterialRef> fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            List<MaterialRef> list = new ArrayList<>();
            for (JsonNode m : JSON.readTree(json)) {
                list.add(new MaterialRef(m.get("id").asLong(), m.get("versionId").asLong(), m.get("version").asInt(),
                        m.get("sha256").asText()));
            }
            return List.copyOf(list);
        } catch (Exception e) {
            return null;
        }
    }
}

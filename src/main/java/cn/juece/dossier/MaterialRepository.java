package cn.juece.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.support.AppClock;

/** Materials, versions and their contents (stored once per SHA-256). */
@Repository
class MaterialRepository {

    private final JdbcClient jdbc;

    MaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> findMaterial(long decisionId, MaterialType type, String title) {
        return jdbc.sql("SELECT id FROM juece.material WHERE decision_id = ? AND material_type = ? AND title = ?")
                .params(decisionId, type.name(), title).query(Long.class).optional();
    }

    long insertMaterial(long decisionId, MaterialType type, String title, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.material (decision_id, material_type, title, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(decisionId, type.name(), title, by, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    int nextVersion(long materialId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM juece.material_version WHERE material_id = ?")
                .param(materialId).query(Integer.class).single();
    }

    long insertVersion(long materialId, int versionNo, String fileName, String contentType, long size, String sha256,
                       String note, String by, String providedFor, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.material_version (material_id, version_no, file_name, content_type, size_bytes, sha256, note,
                                              uploaded_by, provided_for, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(materialId, versionNo, fileName, contentType, size, sha256, note, by, providedFor, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean hasContent(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.material_content WHERE sha256 = ?").param(sha256).query(Long.class).single() > 0;
    }

    void insertContent(String sha256, byte[] bytes) {
        jdbc.sql("INSERT INTO juece.material_content (sha256, size_bytes, content) VALUES (?, ?, ?)")
                .params(sha256, (long) bytes.length, bytes).update();
    }

    Optional<byte[]> content(String sha256) {
        return jdbc.sql("SELECT content FROM juece.material_content WHERE sha256 = ?").param(sha256)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    List<Material> forDecision(long decisionId) {
        Map<Long, Material> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT id, decision_id, material_type, title, created_by, created_at FROM juece.material WHERE decision_id = ? ORDER BY id")
                .param(decisionId)
                .query((rs, i) -> new Material(rs.getLong(1), rs.getLong(2), MaterialType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), time(rs, 6), new ArrayList<>()))
                .list().forEach(m -> byId.put(m.id(), m));
        if (byId.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                SELECT v.id, v.material_id, v.version_no, v.file_name, v.content_type, v.size_bytes, v.sha256, v.note,
                       v.uploaded_by, v.uploaded_at, v.provided_for
                FROM juece.material_version v JOIN juece.material m ON m.id = v.material_id
                WHERE m.decision_id = ? ORDER BY v.material_id, v.version_no""")
                .param(decisionId)
                .query(MaterialRepository::version)
                .list().forEach(v -> byId.get(v.materialId()).versions().add(v));
        return List.copyOf(byId.values());
    }

    Optional<MaterialVersion> version(long decisionId, long versionId) {
        return jdbc.sql("""
                SELECT v.id, v.material_id, v.version_no, v.file_name, v.content_type, v.size_bytes, v.sha256, v.note,
                       v.uploaded_by, v.uploaded_at, v.provided_for
                FROM juece.material_version v JOIN juece.material m ON m.id = v.material_id
                WHERE m.decision_id = ? AND v.id = ?""")
                .params(decisionId, versionId).query(MaterialRepository::version).optional();
    }

    /** The newest material version of the decision's dossier (0 when it has none): a round's watermark. */
    long newestVersionId(long decisionId) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(v.id), 0) FROM juece.material_version v JOIN juece.material m ON m.id = v.material_id
                WHERE m.decision_id = ?""").param(decisionId).query(Long.class).single();
    }

    long countVersions() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.material_version").query(Long.class).single();
    }

    private static MaterialVersion version(ResultSet rs, int row) throws SQLException {
        return new MaterialVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), time(rs, 10), rs.getString(11));
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}

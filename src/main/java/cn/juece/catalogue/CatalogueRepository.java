package cn.juece.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.support.AppClock;

/** Catalogues, their items, changes and change requests. */
@Repository
class CatalogueRepository {

    private static final String CATALOGUE = """
            id, organ_code, catalogue_year, status, party_approval_date, party_approval_doc, published_at,
            process_instance_id, created_by, created_at, updated_at""";
    private static final String ITEM = """
            id, catalogue_id, seq_no, name, lead_unit, co_units, legal_basis, planned_time, hearing_planned,
            enterprise_related, removed, decision_id, created_at, updated_at""";
    private static final String CHANGE = "id, catalogue_id, item_id, change_kind, summary, reason, request_id, changed_by, changed_at";
    private static final String REQUEST = """
            id, organ_code, request_year, catalogue_id, decision_id, reason, status, resolution, created_at,
            resolved_by, resolved_at""";

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- catalogues

    long insertCatalogue(String organCode, int year, String createdBy, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.catalogue (organ_code, catalogue_year, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(organCode, year, CatalogueStatus.COMPILING.name(), createdBy, now, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Catalogue> find(String organCode, int year) {
        return jdbc.sql("SELECT " + CATALOGUE + " FROM juece.catalogue WHERE organ_code = ? AND catalogue_year = ?")
                .params(organCode, year).query(CatalogueRepository::catalogue).optional();
    }

    Optional<Catalogue> find(long id) {
        return jdbc.sql("SELECT " + CATALOGUE + " FROM juece.catalogue WHERE id = ?").param(id)
                .query(CatalogueRepository::catalogue).optional();
    }

    List<Catalogue> list(String organCode) {
        return jdbc.sql("SELECT " + CATALOGUE + " FROM juece.catalogue WHERE organ_code = ? ORDER BY catalogue_year DESC")
                .param(organCode).query(CatalogueRepository::catalogue).list();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE juece.catalogue SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void setStatus(long id, CatalogueStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), now, id).update();
    }

    void setPublished(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue SET status = ?, published_at = ?, updated_at = ? WHERE id = ?")
                .params(CatalogueStatus.PUBLISHED.name(), now, now, id).update();
    }

    void setPartyApproval(long id, LocalDate date, String doc, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue SET party_approval_date = ?, party_approval_doc = ?, updated_at = ? WHERE id = ?")
                .params(date, doc, now, id).update();
    }

    // ---- items

    long insertItem(long catalogueId, ItemForm f, OffsetDateTime now) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq_no), 0) + 1 FROM juece.catalogue_item WHERE catalogue_id = ?")
                .param(catalogueId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.catalogue_item (catalogue_id, seq_no, name, lead_unit, co_units, legal_basis, planned_time,
                    hearing_planned, enterprise_related, removed, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)""")
                .params(catalogueId, seq, f.name().strip(), f.leadUnit(), coUnits(f), f.legalBasis().strip(), f.plannedTime(),
                        Boolean.TRUE.equals(f.hearingPlanned()), Boolean.TRUE.equals(f.enterpriseRelated()), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateItem(long id, ItemForm f, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE juece.catalogue_item SET name = ?, lead_unit = ?, co_units = ?, legal_basis = ?, planned_time = ?,
                    hearing_planned = ?, enterprise_related = ?, updated_at = ? WHERE id = ?""")
                .params(f.name().strip(), f.leadUnit(), coUnits(f), f.legalBasis().strip(), f.plannedTime(),
                        Boolean.TRUE.equals(f.hearingPlanned()), Boolean.TRUE.equals(f.enterpriseRelated()), now, id)
                .update();
    }

    void removeItem(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue_item SET removed = TRUE, updated_at = ? WHERE id = ?").params(now, id).update();
    }

    void deleteItem(long id) {
        jdbc.sql("DELETE FROM juece.catalogue_item WHERE id = ?").param(id).update();
    }

    void linkDecision(long itemId, long decisionId, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue_item SET decision_id = ?, updated_at = ? WHERE id = ?").params(decisionId, now, itemId).update();
    }

    Optional<CatalogueItem> item(long id) {
        return jdbc.sql("SELECT " + ITEM + " FROM juece.catalogue_item WHERE id = ?").param(id)
                .query(CatalogueRepository::item).optional();
    }

    List<CatalogueItem> items(long catalogueId) {
        return jdbc.sql("SELECT " + ITEM + " FROM juece.catalogue_item WHERE catalogue_id = ? ORDER BY seq_no")
                .param(catalogueId).query(CatalogueRepository::item).list();
    }

    List<CatalogueItem> itemsOfDecision(long decisionId) {
        return jdbc.sql("SELECT " + ITEM + " FROM juece.catalogue_item WHERE decision_id = ? AND removed = FALSE")
                .param(decisionId).query(CatalogueRepository::item).list();
    }

    // ---- changes

    void insertChange(long catalogueId, long itemId, CatalogueChange.ChangeKind kind, String summary, String reason,
                      Long requestId, String by, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO juece.catalogue_change (catalogue_id, item_id, change_kind, summary, reason, request_id, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(catalogueId, itemId, kind.name(), summary, reason, requestId, by, now).update();
    }

    List<CatalogueChange> changes(long catalogueId) {
        return jdbc.sql("SELECT " + CHANGE + " FROM juece.catalogue_change WHERE catalogue_id = ? ORDER BY id")
                .param(catalogueId)
                .query((rs, i) -> new CatalogueChange(rs.getLong("id"), rs.getLong("catalogue_id"), rs.getLong("item_id"),
                        CatalogueChange.ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("summary"),
                        rs.getString("reason"), rs.getObject("request_id", Long.class), rs.getString("changed_by"),
                        time(rs, "changed_at")))
                .list();
    }

    long countChangesOfRequest(long requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.catalogue_change WHERE request_id = ?").param(requestId)
                .query(Long.class).single();
    }

    // ---- change requests

    long insertRequest(String organCode, int year, Long catalogueId, long decisionId, String reason, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.catalogue_change_request (organ_code, request_year, catalogue_id, decision_id, reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organCode, year, catalogueId, decisionId, reason, ChangeRequest.Status.OPEN.name(), now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ChangeRequest> request(long id) {
        return jdbc.sql("SELECT " + REQUEST + " FROM juece.catalogue_change_request WHERE id = ?").param(id)
                .query(CatalogueRepository::request).optional();
    }

    List<ChangeRequest> requests(String organCode, int year) {
        return jdbc.sql("SELECT " + REQUEST + " FROM juece.catalogue_change_request WHERE organ_code = ? AND request_year = ? ORDER BY id")
                .params(organCode, year).query(CatalogueRepository::request).list();
    }

    void resolveRequest(long id, ChangeRequest.Status status, String resolution, String by, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.catalogue_change_request SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?")
                .params(status.name(), resolution, by, now, id).update();
    }

    // ---- mapping

    private static String coUnits(ItemForm f) {
        return f.coUnits() == null || f.coUnits().isEmpty() ? null : String.join(",", f.coUnits());
    }

    private static Catalogue catalogue(ResultSet rs, int row) throws SQLException {
        return new Catalogue(rs.getLong("id"), rs.getString("organ_code"), rs.getInt("catalogue_year"),
                CatalogueStatus.valueOf(rs.getString("status")), rs.getObject("party_approval_date", LocalDate.class),
                rs.getString("party_approval_doc"), time(rs, "published_at"), rs.getString("process_instance_id"),
                rs.getString("created_by"), time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static CatalogueItem item(ResultSet rs, int row) throws SQLException {
        String co = rs.getString("co_units");
        return new CatalogueItem(rs.getLong("id"), rs.getLong("catalogue_id"), rs.getInt("seq_no"), rs.getString("name"),
                rs.getString("lead_unit"), co == null || co.isBlank() ? List.of() : Arrays.asList(co.split(",")),
                rs.getString("legal_basis"), rs.getString("planned_time"), rs.getBoolean("hearing_planned"),
                rs.getBoolean("enterprise_related"), rs.getBoolean("removed"), rs.getObject("decision_id", Long.class),
                time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static ChangeRequest request(ResultSet rs, int row) throws SQLException {
        return new ChangeRequest(rs.getLong("id"), rs.getString("organ_code"), rs.getInt("request_year"),
                rs.getObject("catalogue_id", Long.class), rs.getObject("decision_id", Long.class), rs.getString("reason"),
                ChangeRequest.Status.valueOf(rs.getString("status")), rs.getString("resolution"), time(rs, "created_at"),
                rs.getString("resolved_by"), time(rs, "resolved_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}

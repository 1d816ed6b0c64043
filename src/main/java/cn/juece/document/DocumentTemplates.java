package cn.juece.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The templates of the generated documents: seeded once from {@code config/documents/*.txt} (DECISIONS.md 15: then
 * the database is the truth), changed by administrators on {@code /admin/templates} or {@code PUT
 * /api/document-templates/{code}}; every change is a new version (a generated document names the version it used)
 * and an audit entry. A template is checked before it is stored: it must render with sample values and lay out
 * as a document with a title.
 */
@Service
@Order(12)
public class DocumentTemplates implements ApplicationRunner {

    static final int MAX_BODY = 20000;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;

    DocumentTemplates(JdbcClient jdbc, Directory directory, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public record Template(long id, DocumentKind kind, int version, String name, String body, String updatedBy,
                           OffsetDateTime updatedAt) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DocumentKind kind : DocumentKind.values()) {
            if (current(kind).isEmpty()) {
                jdbc.sql("INSERT INTO juece.document_template (code, version, name, body, updated_by, updated_at) VALUES (?, 1, ?, ?, ?, ?)")
                        .params(kind.name(), kind.label(), defaultBody(kind), Actor.SYSTEM_ID, clock.now()).update();
            }
        }
    }

    /** The template file shipped with the application. */
    public static String defaultBody(DocumentKind kind) {
        try (InputStream in = new ClassPathResource(kind.defaultFile()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Missing default template " + kind.defaultFile(), e);
        }
    }

    public Optional<Template> current(DocumentKind kind) {
        return jdbc.sql("SELECT * FROM juece.document_template WHERE code = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(kind.name()).query((rs, i) -> map(rs)).optional();
    }

    public Template get(DocumentKind kind) {
        return current(kind).orElseThrow(() -> RuleViolation.notFound("TEMPLATE_NOT_FOUND", "公文模板“" + kind.label() + "”不存在。"));
    }

    public List<Template> all() {
        return java.util.Arrays.stream(DocumentKind.values()).map(this::current).flatMap(Optional::stream).toList();
    }

    public List<Template> history(DocumentKind kind) {
        return jdbc.sql("SELECT * FROM juece.document_template WHERE code = ? ORDER BY version DESC").param(kind.name())
                .query((rs, i) -> map(rs)).list();
    }

    public boolean mayEdit(Actor actor) {
        return actor.groups().contains(Groups.ADMIN);
    }

    /** An administrator stores a new version of the template, after checking it lays out as a document. */
    @Transactional
    public Template update(DocumentKind kind, String body) {
        Actor actor = directory.currentActor();
        if (!mayEdit(actor)) {
            throw RuleViolation.forbidden("TEMPLATE_NOT_ADMIN", "公文模板由系统管理员维护；您（" + actor.name() + "）无权修改。");
        }
        if (body == null || body.isBlank()) {
            throw RuleViolation.badRequest("TEMPLATE_EMPTY", "模板内容不能为空。");
        }
        if (body.length() > MAX_BODY) {
            throw RuleViolation.badRequest("TEMPLATE_TOO_LONG", "模板不超过" + MAX_BODY + "字。");
        }
        String text = body.replace("\r\n", "\n");
        TemplateText.validate(text);
        DocumentLayout.parse(TemplateText.render(text, Map.of()));
        Template before = get(kind);
        if (before.body().equals(text)) {
            return before;
        }
        int version = before.version() + 1;
        jdbc.sql("INSERT INTO juece.document_template (code, version, name, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(kind.name(), version, kind.label(), text, actor.id(), clock.now()).update();
        audit.record(actor, null, null, AuditAction.TEMPLATE_CHANGED, "修改公文模板《" + kind.label() + "》，第" + version + "版（"
                + text.length() + "字）");
        return get(kind);
    }

    private static Template map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Template(rs.getLong("id"), DocumentKind.valueOf(rs.getString("code")), rs.getInt("version"),
                rs.getString("name"), rs.getString("body"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }
}

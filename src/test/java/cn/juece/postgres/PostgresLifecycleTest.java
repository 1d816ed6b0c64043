package cn.juece.postgres;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.juece.LifecycleDriver;

/**
 * The same application on PostgreSQL 15 (the "postgres" profile): a decision from creation to the
 * archive, a refusal, and an upload, on a real server on loopback. Runs only with {@code -Ppostgres}
 * (.ci/run starts the server); the H2 suite leaves it out.
 */
class PostgresLifecycleTest extends PostgresTest {

    @Test
    void aDecisionGoesFromProposalToTheArchiveOnPostgres() throws Exception {
        var d = new LifecycleDriver(port, "Juece2026");
        String n = d.wholeLifecycle("城区集中供热价格调整方案（PG 数据库）");
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.openTaskKeys(n)).isEmpty();
        assertThat(d.auditDetails(n)).contains("决策程序结束：已归档（第五十九条）");
        // the facts of the dossier are rows on PostgreSQL too (DECISIONS.md 25), read by supervision and the portal
        var kinds = new java.util.ArrayList<String>();
        d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody().forEach(f -> kinds.add(f.get("kind").asText()));
        assertThat(kinds).contains("SCOPE_FINDING", "LAUNCH_DECISION", "RISK_ASSESSMENT", "RISK_FINDING", "LEGALITY_CONCLUSION",
                "MEETING_DECISION", "DECISION_PUBLICATION", "EXECUTION_REPORT", "EVALUATION_DECISION", "ARCHIVE_NUMBER");
        assertThat(d.as(JUSTICE).get("/api/supervision").getBody().get("outcomes").toString())
                .contains(n, "低风险", LifecycleDriver.archiveNumber(n));
        assertThat(portal("/public/decisions")).contains(n, "集体讨论决定：同意");
    }

    private String portal(String path) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void rulesRefuseAndUploadsKeepVersionsOnPostgres() {
        var d = new LifecycleDriver(port, "Juece2026");
        String n = d.create("农村公路养护办法（PG 数据库）");
        var refused = d.as(LEAD).complete(d.task(n, "proposal-study").get("id").asText(), "IN_SCOPE", null);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("DECISION_CATEGORY_MISSING");
        var v1 = d.as(LEAD).upload(n, "STUDY_REPORT", "报告.pdf", cn.juece.support.TestFiles.of(".pdf", "1"));
        var v2 = d.as(LEAD).upload(n, "STUDY_REPORT", "报告.pdf", cn.juece.support.TestFiles.of(".pdf", "12"));
        assertThat(v1.getBody().get("versionNo").asInt()).isEqualTo(1);
        assertThat(v2.getBody().get("versionNo").asInt()).isEqualTo(2);
        var wrong = d.as(JUSTICE).complete(d.task(n, "proposal-study").get("id").asText(), "OUT_OF_SCOPE", "越权");
        assertThat(wrong.getBody().get("code").asText()).isEqualTo("TASK_NOT_YOUR_GROUP");
    }
}

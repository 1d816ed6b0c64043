package cn.juece.audit;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.identity.Actor;
import cn.juece.support.PageSession;

/**
 * The audit trail proves itself (DECISIONS.md 26, Art. 60-63): each decision's acts form a hash chain; a row
 * changed or a last row deleted behind the application's back is found and named, by the endpoints, the
 * dossier page and the command; appends from concurrent transactions queue on the chain's head. Tampering
 * tests put the row back, so every chain of the suite's database stays intact. They tamper through
 * {@link #owner()}: on PostgreSQL the application's role cannot change or delete an audit entry at all
 * (PostgresAuditChainTest), so the change is made with the owner's rights, as an attacker would need them.
 */
class AuditChainTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditChains chains;

    @Test
    void entriesChainAcrossActsAndTheDossierSaysSo() throws Exception {
        var d = driver();
        String n = d.create("县城区停车收费标准调整（审计链）");
        d.recordStudy(n);
        d.upload(LEAD, n, "STUDY_REPORT");
        d.as(LEAD).put("/api/decisions/" + n + "/category", Map.of("category", "ART3_1"));

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT chain_seq, prev_hash, entry_hash, decision_number FROM juece.audit_entry
                WHERE chain_key = ? ORDER BY chain_seq""").param(n).query().listOfRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
        String previous = AuditChainHash.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(((Number) row.get("CHAIN_SEQ")).longValue()).isEqualTo(i + 1);
            assertThat(row.get("PREV_HASH")).isEqualTo(previous);
            assertThat(row.get("DECISION_NUMBER")).isEqualTo(n);
            previous = (String) row.get("ENTRY_HASH");
        }
        assertThat(jdbc.sql("SELECT last_seq, last_hash FROM juece.audit_chain_head WHERE chain_key = ?").param(n)
                .query().singleRow()).containsValues((long) rows.size(), previous);

        JsonNode report = verify(n);
        assertThat(report.get("chain").asText()).isEqualTo(n);
        assertThat(report.get("entries").asInt()).isEqualTo(rows.size());
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.has("firstBroken")).isFalse();

        JsonNode trail = d.as(LEAD).get("/api/decisions/" + n + "/audit").getBody();
        assertThat(trail.get(0).has("actedFor")).isTrue();
        assertThat(trail.get(0).has("materials")).isTrue();

        String page = new PageSession(port).signIn(LEAD, PASSWORD).get("/decisions/" + n).body();
        assertThat(page).contains("审计记录校验：完整（共" + rows.size() + "条，哈希链首尾相接）");
    }

    @Test
    void anEntryChangedInTheDatabaseIsFoundAndNamed() throws Exception {
        var d = driver();
        String n = d.create("农贸市场摊位管理办法（审计链）");
        d.recordStudy(n);
        d.as(LEAD).put("/api/decisions/" + n + "/category", Map.of("category", "ART3_1"));
        Map<String, Object> second = jdbc.sql("SELECT id, detail FROM juece.audit_entry WHERE chain_key = ? AND chain_seq = 2")
                .param(n).query().singleRow();
        long id = ((Number) second.get("ID")).longValue();
        try (var owner = owner()) {
            owner.jdbc().sql("UPDATE juece.audit_entry SET detail = ? WHERE id = ?").params("已被改写的记录", id).update();

            JsonNode report = verify(n);
            assertThat(report.get("intact").asBoolean()).isFalse();
            JsonNode broken = report.get("firstBroken");
            assertThat(broken.get("id").asLong()).isEqualTo(id);
            assertThat(broken.get("seq").asLong()).isEqualTo(2);
            assertThat(broken.get("code").asText()).isEqualTo("HASH_MISMATCH");
            assertThat(broken.get("problem").asText()).isEqualTo("内容与哈希不符：该条记录写入后被修改");

            String page = new PageSession(port).signIn(LEAD, PASSWORD).get("/decisions/" + n).body();
            assertThat(page).contains("class=\"overdue\"", "审计记录校验：发现问题", "第2条（记录号" + id + "）");

            var cli = cli();
            assertThat(cli.code()).isEqualTo(AuditChainCli.BROKEN);
            assertThat(cli.out()).contains("损坏\t" + n + "\t发现问题", "记录号" + id, "[HASH_MISMATCH]");
        } finally {
            try (var owner = owner()) {
                owner.jdbc().sql("UPDATE juece.audit_entry SET detail = ? WHERE id = ?").params(second.get("DETAIL"), id).update();
            }
        }
        assertThat(verify(n).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedLastEntryIsFound() {
        var d = driver();
        String n = d.create("城区绿化养护办法（审计链）");
        d.recordStudy(n);
        Map<String, Object> last = jdbc.sql("""
                SELECT * FROM juece.audit_entry WHERE chain_key = ?
                ORDER BY chain_seq DESC FETCH FIRST 1 ROW ONLY""").param(n).query().singleRow();
        long seq = ((Number) last.get("CHAIN_SEQ")).longValue();
        try (var owner = owner()) {
            owner.jdbc().sql("DELETE FROM juece.audit_entry WHERE id = ?").param(last.get("ID")).update();

            JsonNode report = verify(n);
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("entries").asLong()).isEqualTo(seq - 1);
            assertThat(report.get("firstBroken").get("seq").asLong()).isEqualTo(seq);
            assertThat(report.get("firstBroken").get("code").asText()).isEqualTo("TAIL_MISSING");
            assertThat(report.get("firstBroken").get("problem").asText())
                    .isEqualTo("链尾缺失：链头记载共" + seq + "条，现仅存" + (seq - 1) + "条，最后1条已被删除");
        } finally {
            restore(last);
        }
        assertThat(verify(n).get("intact").asBoolean()).isTrue();
    }

    @Test
    void everyChainIsVerifiedForSupervisorsOnly() {
        var d = driver();
        String n = d.create("全县审计链校验（权限）");

        var refused = d.as(LEAD).get("/api/audit/verify");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("AUDIT_VERIFY_FORBIDDEN");
        assertThat(refused.getBody().get("message").asText()).contains("司法行政部门", "第六十条至第六十三条");

        for (String user : List.of(JUSTICE, OFFICE, "admin")) {
            var all = d.as(user).get("/api/audit/verify");
            assertThat(all.getStatusCode().value()).as(user).isEqualTo(200);
            JsonNode body = all.getBody();
            List<String> keys = new ArrayList<>();
            body.get("chains").forEach(c -> keys.add(c.get("chain").asText()));
            assertThat(keys).contains(n, AuditChainHash.ORG_CHAIN);
            assertThat(body.get("chainCount").asInt()).isEqualTo(keys.size());
            assertThat(body.get("intact").asBoolean()).as(body.toString()).isTrue();
        }
    }

    @Test
    void concurrentTransactionsAndOneBatchAppendToAChainInTurn() throws Exception {
        String chain = "ZZ-" + System.nanoTime();
        Actor clerk = new Actor("fgj_wang", "王海涛", "fgj", "县发展和改革局", "科员", List.of("fgj"));
        var materials = List.of(new MaterialRef(1, 2, 1, "ab".repeat(32)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        int k = i;
                        tx.executeWithoutResult(s -> audit.record(clerk, "fgj", null, chain, AuditAction.CATALOGUE_ITEM_CHANGED,
                                "并发写入 " + thread + "-" + k, materials));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // one transaction appending many entries to the chain (as a group commit does) and to ORG
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 20; i++) {
                audit.record(clerk, null, null, chain, AuditAction.CATALOGUE_ITEM_CHANGED, "批量写入 " + i, null);
            }
            audit.record(clerk, null, null, null, AuditAction.CALENDAR_CHANGED, "批量写入（机关）", null);
            // a reader in the same transaction sees the heads as written
            assertThat(chains.verify(chain).intact()).isTrue();
        });

        ChainReport report = chains.verify(chain);
        assertThat(report.intact()).as(String.valueOf(report)).isTrue();
        assertThat(report.entries()).isEqualTo(52);
        assertThat(jdbc.sql("SELECT chain_seq FROM juece.audit_entry WHERE chain_key = ? ORDER BY chain_seq").param(chain)
                .query(Long.class).list()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 52).boxed().toList());
        assertThat(chains.verify(AuditChainHash.ORG_CHAIN).intact()).isTrue();

        AuditEntry first = audit.forKey(chain).get(0);
        assertThat(first.actedFor()).isEqualTo("fgj");
        assertThat(first.materials()).containsExactly(materials.get(0));
        assertThat(jdbc.sql("SELECT materials FROM juece.audit_entry WHERE id = ?").param(first.id()).query(String.class).single())
                .isEqualTo("[{\"id\":1,\"versionId\":2,\"version\":1,\"sha256\":\"" + "ab".repeat(32) + "\"}]");
    }

    @Test
    void longDetailsAreStoredWhole() {
        String chain = "ZZ-" + System.nanoTime();
        String detail = "第六十条".repeat(2000);
        tx.executeWithoutResult(s -> audit.record(Actor.system(), null, null, chain, AuditAction.CATALOGUE_ITEM_CHANGED, detail, null));
        assertThat(audit.forKey(chain).get(0).detail()).isEqualTo(detail);
        assertThat(chains.verify(chain).intact()).isTrue();
    }

    @Test
    void theCommandAgreesWithTheApplication() {
        var d = driver();
        String n = d.create("县城供水价格调整（命令行校验）");
        d.recordStudy(n);

        var cli = cli();
        assertThat(cli.code()).as(cli.out()).isEqualTo(AuditChainCli.INTACT);
        Map<String, String> lines = cli.out().lines().filter(l -> l.contains("\t"))
                .collect(Collectors.toMap(l -> l.split("\t")[1], l -> l, (a, b) -> a, LinkedHashMap::new));
        List<ChainReport> app = chains.verifyAll();
        assertThat(lines.keySet()).containsExactlyElementsOf(app.stream().map(ChainReport::chain).toList());
        ChainReport mine = chains.verify(n);
        assertThat(lines.get(n)).isEqualTo("完整\t" + n + "\t" + mine.describe() + "\t末条哈希 " + mine.lastHash());
        assertThat(cli.out()).contains("全部完整");

        var usage = run(new String[]{});
        assertThat(usage.code()).isEqualTo(AuditChainCli.CANNOT_CHECK);
    }

    private JsonNode verify(String number) {
        var r = as(LEAD).get("/api/decisions/" + number + "/audit/verify");
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    private void restore(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        jdbc.sql("INSERT INTO juece.audit_entry (" + columns + ") VALUES (" + marks + ")")
                .params(new ArrayList<>(row.values())).update();
    }

    record Run(int code, String out) {
    }

    /** The command, run in this JVM against the suite's database (H2 in memory, or PostgreSQL as the application's role). */
    private Run cli() {
        return run(databaseAsApplication());
    }

    private static Run run(String[] args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = AuditChainCli.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}

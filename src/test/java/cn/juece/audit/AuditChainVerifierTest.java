package cn.juece.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The canonical form and the verifier alone (plain Java, no Spring, no database). */
class AuditChainVerifierTest {

    private static final String CHAIN = "GX-2026-0001";

    @Test
    void theCanonicalFormIsLengthPrefixedAndItsHashIsPinned() {
        ChainRow row = new ChainRow(1, CHAIN, 1L, AuditChainHash.GENESIS, null,
                OffsetDateTime.parse("2026-03-05T09:02:03.04+08:00").toInstant(), 7L, CHAIN, "fgj_wang", "王海涛",
                "县发展和改革局", "科员、承办人员", "fgj", "TASK_COMPLETED", "办理任务：研究论证", null);
        assertThat(new String(AuditChainHash.canonicalForm(row), StandardCharsets.UTF_8)).isEqualTo(
                "juece-audit-1|12:GX-2026-0001|1:1|64:" + "0".repeat(64) + "|24:2026-03-05T01:02:03.040Z|1:7"
                        + "|12:GX-2026-0001|8:fgj_wang|9:王海涛|21:县发展和改革局|21:科员、承办人员|3:fgj|14:TASK_COMPLETED"
                        + "|27:办理任务：研究论证|-");
        // computed independently (Python hashlib over the same bytes): the form must not drift
        assertThat(AuditChainHash.hash(row)).isEqualTo("dc2a9b10734fa5530aa9c291a24d83235d6a09109a94a320b64d3dda0478b7bf");
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        ChainRow a = row(1, AuditChainHash.GENESIS, "ab", "c");
        ChainRow b = row(1, AuditChainHash.GENESIS, "a", "bc");
        ChainRow nullUnit = row(1, AuditChainHash.GENESIS, "a", null);
        ChainRow emptyUnit = row(1, AuditChainHash.GENESIS, "a", "");
        assertThat(AuditChainHash.hash(a)).isNotEqualTo(AuditChainHash.hash(b));
        assertThat(AuditChainHash.hash(nullUnit)).isNotEqualTo(AuditChainHash.hash(emptyUnit));
    }

    @Test
    void anIntactChainAndItsHead() {
        List<ChainRow> rows = chain(5);
        ChainReport r = AuditChainVerifier.verify(CHAIN, rows, head(rows));
        assertThat(r.intact()).isTrue();
        assertThat(r.entries()).isEqualTo(5);
        assertThat(r.lastHash()).isEqualTo(rows.get(4).entryHash());
        assertThat(r.describe()).isEqualTo("完整（共5条，哈希链首尾相接）");
    }

    @Test
    void aChangedFieldIsNamed() {
        List<ChainRow> rows = chain(5);
        ChainRow r2 = rows.get(2);
        rows.set(2, new ChainRow(r2.id(), r2.chainKey(), r2.seq(), r2.prevHash(), r2.entryHash(), r2.occurredAt(),
                r2.decisionId(), r2.decisionNumber(), r2.actorId(), r2.actorName(), r2.actorUnit(), r2.actorRoles(),
                r2.actedFor(), r2.action(), "改过的内容", r2.materials()));
        ChainReport r = AuditChainVerifier.verify(CHAIN, rows, head(rows));
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBroken()).isEqualTo(new ChainReport.Broken(103L, 3L, "HASH_MISMATCH", "内容与哈希不符：该条记录写入后被修改"));
        assertThat(r.describe()).isEqualTo("发现问题（共5条）：第3条（记录号103），内容与哈希不符：该条记录写入后被修改");
    }

    @Test
    void aRehashedEntryBreaksTheNextLink() {
        List<ChainRow> rows = chain(4);
        ChainRow r1 = rows.get(1);
        ChainRow forged = new ChainRow(r1.id(), r1.chainKey(), r1.seq(), r1.prevHash(), null, r1.occurredAt(),
                r1.decisionId(), r1.decisionNumber(), r1.actorId(), r1.actorName(), r1.actorUnit(), r1.actorRoles(),
                r1.actedFor(), r1.action(), "伪造", r1.materials());
        rows.set(1, forged.chained(CHAIN, 2, r1.prevHash(), AuditChainHash.hash(forged)));
        ChainReport r = AuditChainVerifier.verify(CHAIN, rows, head(rows));
        assertThat(r.firstBroken().id()).isEqualTo(103L);
        assertThat(r.firstBroken().code()).isEqualTo("PREVIOUS_HASH_MISMATCH");
        assertThat(r.firstBroken().problem()).contains("第2条（记录号102）");
    }

    @Test
    void deletedEntriesInTheMiddleAtTheStartAndAtTheEnd() {
        List<ChainRow> rows = chain(6);
        ChainHead head = head(rows);

        List<ChainRow> middle = new ArrayList<>(rows);
        middle.remove(2);
        ChainReport m = AuditChainVerifier.verify(CHAIN, middle, head);
        assertThat(m.firstBroken()).isEqualTo(new ChainReport.Broken(104L, 4L, "SEQUENCE_GAP", "序号不连续：缺少第3条（已被删除）"));

        List<ChainRow> first = new ArrayList<>(rows.subList(1, 6));
        assertThat(AuditChainVerifier.verify(CHAIN, first, head).firstBroken().seq()).isEqualTo(2L);

        List<ChainRow> tail = new ArrayList<>(rows.subList(0, 4));
        ChainReport t = AuditChainVerifier.verify(CHAIN, tail, head);
        assertThat(t.firstBroken()).isEqualTo(new ChainReport.Broken(null, 5L, "TAIL_MISSING",
                "链尾缺失：链头记载共6条，现仅存4条，最后2条已被删除"));

        ChainReport all = AuditChainVerifier.verify(CHAIN, List.of(), head);
        assertThat(all.intact()).isFalse();
        assertThat(all.firstBroken().seq()).isEqualTo(1L);
    }

    @Test
    void theHeadMustNameTheLastEntry() {
        List<ChainRow> rows = chain(3);
        ChainReport missing = AuditChainVerifier.verify(CHAIN, rows, null);
        assertThat(missing.firstBroken().code()).isEqualTo("HEAD_MISSING");
        assertThat(missing.firstBroken().id()).isEqualTo(101L);

        ChainReport behind = AuditChainVerifier.verify(CHAIN, rows, new ChainHead(CHAIN, 2, rows.get(1).entryHash()));
        assertThat(behind.firstBroken()).extracting(ChainReport.Broken::id, ChainReport.Broken::code).containsExactly(103L, "HEAD_MISMATCH");

        ChainReport otherHash = AuditChainVerifier.verify(CHAIN, rows, new ChainHead(CHAIN, 3, "f".repeat(64)));
        assertThat(otherHash.firstBroken()).extracting(ChainReport.Broken::id, ChainReport.Broken::code).containsExactly(103L, "HEAD_MISMATCH");

        assertThat(AuditChainVerifier.verify(CHAIN, List.of(), null).intact()).isTrue();
    }

    @Test
    void rowsAppendedAfterTheHeadWasReadAreSettledByTheHeadReadAgain() {
        List<ChainRow> rows = chain(5);
        var v = new AuditChainVerifier(CHAIN, new ChainHead(CHAIN, 3, rows.get(2).entryHash()));
        rows.forEach(v::accept);
        assertThat(v.rowsPastHead()).isTrue();
        assertThat(v.finish(head(rows)).intact()).isTrue();
    }

    @Test
    void anUnchainedRowIsNamed() {
        ChainRow r = row(1, null, "a", "b");
        ChainRow unchained = new ChainRow(r.id(), CHAIN, null, null, null, r.occurredAt(), r.decisionId(), r.decisionNumber(),
                r.actorId(), r.actorName(), r.actorUnit(), r.actorRoles(), r.actedFor(), r.action(), r.detail(), r.materials());
        assertThat(AuditChainVerifier.verify(CHAIN, List.of(unchained), null).firstBroken().code()).isEqualTo("UNCHAINED");
    }

    private static List<ChainRow> chain(int n) {
        List<ChainRow> rows = new ArrayList<>();
        String previous = AuditChainHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            ChainRow r = row(i, previous, "第" + i + "步", "县发展和改革局");
            String hash = AuditChainHash.hash(r);
            rows.add(r.chained(CHAIN, i, previous, hash));
            previous = hash;
        }
        return rows;
    }

    private static ChainRow row(long seq, String previous, String detail, String unit) {
        return new ChainRow(100 + seq, CHAIN, seq, previous, null, Instant.parse("2026-03-05T01:02:03.040Z").plusSeconds(seq),
                7L, CHAIN, "fgj_wang", "王海涛", unit, "科员", null, "TASK_COMPLETED", detail,
                MaterialRef.toJson(List.of(new MaterialRef(3, 9, 2, "a".repeat(64)))));
    }

    private static ChainHead head(List<ChainRow> rows) {
        ChainRow last = rows.get(rows.size() - 1);
        return new ChainHead(CHAIN, last.seq(), last.entryHash());
    }
}

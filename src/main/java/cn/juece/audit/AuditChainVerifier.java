package cn.juece.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes one audit chain from its rows and names the first broken entry. Plain Java, no Spring, no
 * database: feed the chain's rows in sequence order ({@link #accept}), then {@link #finish} with its head.
 *
 * <p>Checks, per entry: it is chained at all; its sequence number follows the previous one (a gap means
 * deleted entries); its hash matches its fields ({@link AuditChainHash}: a changed field); its previous hash is
 * the previous entry's hash (a replaced or re-hashed entry). At the end: the chain's head names the last entry
 * (a deleted last entry leaves the head ahead of the rows).
 *
 * <p>Reading while the application appends: give the head read <em>before</em> the rows to the constructor.
 * Rows past that head were appended meanwhile or were written around the application; {@link #rowsPastHead()}
 * says so, and the caller reads the head again and passes it to {@link #finish}.
 */
public final class AuditChainVerifier {

    private final String chain;
    private final ChainHead headBefore;
    private long entries;
    private long lastSeq;
    private String lastHash = AuditChainHash.GENESIS;
    private Long lastId;
    private ChainReport.Broken broken;
    /** The rows past the head read before the rows: normally none or a few. */
    private final List<Seen> pastHead = new ArrayList<>();

    private record Seen(Long id, Long seq) {
    }

    public AuditChainVerifier(String chain, ChainHead headBefore) {
        this.chain = chain;
        this.headBefore = headBefore;
    }

    /** Verifies a whole chain at once (its rows in sequence order). */
    public static ChainReport verify(String chain, Iterable<ChainRow> rows, ChainHead head) {
        var v = new AuditChainVerifier(chain, head);
        rows.forEach(v::accept);
        return v.finish(head);
    }

    public String chain() {
        return chain;
    }

    public void accept(ChainRow row) {
        entries++;
        if (row.seq() == null || row.entryHash() == null || row.prevHash() == null) {
            fail(row.id(), row.seq(), "UNCHAINED", "未入链：缺少链序号或哈希");
            lastId = row.id();
            return;
        }
        long seq = row.seq();
        long expected = lastSeq + 1;
        if (!chain.equals(row.chainKey())) {
            fail(row.id(), seq, "CHAIN_MISMATCH", "所属链为" + row.chainKey() + "，不是" + chain);
        } else if (seq > expected) {
            fail(row.id(), seq, "SEQUENCE_GAP", expected == seq - 1
                    ? "序号不连续：缺少第" + expected + "条（已被删除）"
                    : "序号不连续：缺少第" + expected + "条至第" + (seq - 1) + "条（已被删除）");
        } else if (seq < expected) {
            fail(row.id(), seq, "SEQUENCE_REPEATED", "序号重复或倒序：前一条已是第" + lastSeq + "条");
        } else if (!AuditChainHash.hash(row).equals(row.entryHash())) {
            fail(row.id(), seq, "HASH_MISMATCH", "内容与哈希不符：该条记录写入后被修改");
        } else if (!lastHash.equals(row.prevHash())) {
            fail(row.id(), seq, "PREVIOUS_HASH_MISMATCH", lastId == null
                    ? "所记前一条哈希不是链首的约定值（64个0）：链首记录被替换"
                    : "所记前一条哈希与第" + lastSeq + "条（记录号" + lastId + "）的哈希不符：前一条被替换或改动");
        }
        if (headBefore != null && seq == headBefore.lastSeq() && !headBefore.lastHash().equals(row.entryHash())) {
            fail(row.id(), seq, "HEAD_MISMATCH", "与链头不符：链头所记第" + seq + "条的哈希与该条不同");
        }
        if (headBefore == null || seq > headBefore.lastSeq()) {
            pastHead.add(new Seen(row.id(), seq));
        }
        lastSeq = Math.max(lastSeq, seq);
        lastHash = row.entryHash();
        lastId = row.id();
    }

    /** The sequence number of the last entry read (0 before any). */
    public long lastSeq() {
        return lastSeq;
    }

    /** Rows were read past the head given before them: read the head again for {@link #finish}. */
    public boolean rowsPastHead() {
        return !pastHead.isEmpty();
    }

    /** @param head the chain's head, read after the rows if {@link #rowsPastHead()}, else the one read before */
    public ChainReport finish(ChainHead head) {
        if (broken == null) {
            if (head == null) {
                if (entries > 0) {
                    Seen first = pastHead.isEmpty() ? new Seen(lastId, lastSeq) : pastHead.get(0);
                    fail(first.id(), first.seq(), "HEAD_MISSING", "链头缺失：本链有" + entries + "条记录，链头记录却不存在");
                }
            } else if (head.lastSeq() > lastSeq) {
                long missing = head.lastSeq() - lastSeq;
                fail(null, lastSeq + 1, "TAIL_MISSING", "链尾缺失：链头记载共" + head.lastSeq() + "条，现仅存" + lastSeq
                        + "条，最后" + missing + "条已被删除");
            } else if (head.lastSeq() < lastSeq) {
                Seen first = pastHead.stream().filter(p -> p.seq() > head.lastSeq()).findFirst()
                        .orElse(new Seen(null, head.lastSeq() + 1));
                fail(first.id(), first.seq(), "HEAD_MISMATCH",
                        "与链头不符：链头只记载到第" + head.lastSeq() + "条，此后的记录未经正常写入");
            } else if (head.lastSeq() > 0 && !Objects.equals(head.lastHash(), lastHash)) {
                fail(lastId, lastSeq, "HEAD_MISMATCH", "与链头不符：链头所记最后一条的哈希与该条不同");
            }
        }
        return new ChainReport(chain, entries, broken == null, broken, lastSeq == 0 ? null : lastHash);
    }

    private void fail(Long id, Long seq, String code, String problem) {
        if (broken == null) {
            broken = new ChainReport.Broken(id, seq, code, problem);
        }
    }
}

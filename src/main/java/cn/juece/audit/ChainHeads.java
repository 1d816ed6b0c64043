package cn.juece.audit;

import java.util.LinkedHashMap;
import java.util.Map;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The heads of the audit chains, as the appending transaction sees them. The first append to a chain in a
 * transaction locks the chain's head row ({@code SELECT … FOR UPDATE}, creating the row for a new chain), which
 * serialises appends per chain until the transaction ends; later appends in the same transaction (the comment
 * intake's group commit writes a whole batch in one) use the head kept here, and the head rows are written
 * once, just before the commit. So a batch costs one lock and one update per chain, not one per entry.
 *
 * <p>A reader inside the same transaction sees the head rows as they were before it: {@link #flush()} writes
 * them first (verification does).
 */
@Component
class ChainHeads {

    private final JdbcClient jdbc;
    private final cn.juece.support.DatabaseKind databases;

    ChainHeads(JdbcClient jdbc, cn.juece.support.DatabaseKind databases) {
        this.jdbc = jdbc;
        this.databases = databases;
    }

    /** A chain's head for the next append: locked for this transaction. */
    Head forAppend(String chain) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return lock(chain);
        }
        Pending pending = pending();
        return pending.heads.computeIfAbsent(chain, this::lock);
    }

    /** After an entry was written: the head now names it. */
    void appended(Head head, long seq, String hash) {
        head.lastSeq = seq;
        head.lastHash = hash;
        head.dirty = true;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(head);
        }
    }

    /** Writes the heads this transaction advanced (before a read of the heads in the same transaction). */
    void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            cn.juece.support.TransactionBound.find(this, Pending.class).ifPresent(Pending::flush);
        }
    }

    static final class Head {
        final String chain;
        long lastSeq;
        String lastHash;
        boolean dirty;

        Head(String chain, long lastSeq, String lastHash) {
            this.chain = chain;
            this.lastSeq = lastSeq;
            this.lastHash = lastHash;
        }
    }

    private Pending pending() {
        return cn.juece.support.TransactionBound.of(this, Pending.class, Pending::new);
    }

    private Head lock(String chain) {
        Head head = selectForUpdate(chain);
        if (head != null) {
            return head;
        }
        create(chain);
        head = selectForUpdate(chain);
        if (head == null) {
            throw new IllegalStateException("audit chain head " + chain + " could not be created");
        }
        return head;
    }

    private Head selectForUpdate(String chain) {
        return jdbc.sql("SELECT last_seq, last_hash FROM juece.audit_chain_head WHERE chain_key = ? FOR UPDATE")
                .param(chain)
                .query((rs, i) -> new Head(chain, rs.getLong(1), rs.getString(2)))
                .optional().orElse(null);
    }

    /**
     * The head row of a new chain. Two transactions may start the same chain at once: on PostgreSQL the second
     * insert waits for the first and does nothing (a failed statement would abort its transaction); on H2 it
     * waits and fails on the key, which leaves the transaction usable.
     */
    private void create(String chain) {
        if (databases.isPostgres()) {
            jdbc.sql("INSERT INTO juece.audit_chain_head (chain_key, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT (chain_key) DO NOTHING")
                    .params(chain, AuditChainHash.GENESIS).update();
            return;
        }
        try {
            jdbc.sql("INSERT INTO juece.audit_chain_head (chain_key, last_seq, last_hash) VALUES (?, 0, ?)")
                    .params(chain, AuditChainHash.GENESIS).update();
        } catch (DuplicateKeyException e) {
            // another transaction started this chain first: lock its row
        }
    }

    private void write(Head head) {
        jdbc.sql("UPDATE juece.audit_chain_head SET last_seq = ?, last_hash = ? WHERE chain_key = ?")
                .params(head.lastSeq, head.lastHash, head.chain).update();
        head.dirty = false;
    }

    /** The heads one transaction holds, written before it commits and dropped when it ends. */
    private final class Pending extends cn.juece.support.TransactionBound {

        final Map<String, Head> heads = new LinkedHashMap<>();

        Pending() {
            super(ChainHeads.this);
        }

        /** Also what {@code TransactionStatus.flush()} asks of a synchronization. */
        @Override
        public void flush() {
            for (Head head : heads.values()) {
                if (head.dirty) {
                    write(head);
                }
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }
    }
}

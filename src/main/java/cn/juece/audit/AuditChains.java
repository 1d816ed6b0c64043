package cn.juece.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;
import cn.juece.support.RuleViolation;

/**
 * Verification of the audit chains in the running application (DECISIONS.md 26, Art. 60-63): the same check
 * as {@link AuditChainCli}, over the application's connection.
 */
@Service
public class AuditChains {

    private final JdbcTemplate jdbc;
    private final ChainHeads heads;
    private final Directory directory;

    AuditChains(JdbcTemplate jdbc, ChainHeads heads, Directory directory) {
        this.jdbc = jdbc;
        this.heads = heads;
        this.directory = directory;
    }

    /** Every chain: every decision's, every catalogue's and {@code ORG}. */
    @Transactional(readOnly = true)
    public List<ChainReport> verifyAll() {
        heads.flush();
        return jdbc.execute((ConnectionCallback<List<ChainReport>>) AuditChainCheck::verifyAll);
    }

    /** One chain: a decision's number, a catalogue's key or {@code ORG}. */
    @Transactional(readOnly = true)
    public ChainReport verify(String chain) {
        heads.flush();
        return jdbc.execute((ConnectionCallback<ChainReport>) con -> AuditChainCheck.verifyChain(con, chain));
    }

    /**
     * One chain as stored, to be carried out of the application (the archive package, Art. 59): its rows in sequence
     * order with every field the hash covers, and its head, read in one read-only transaction.
     */
    @Transactional(readOnly = true)
    public Export export(String chain) {
        heads.flush();
        return jdbc.execute((ConnectionCallback<Export>) con -> {
            List<ChainRow> rows = new java.util.ArrayList<>();
            try (var ps = con.prepareStatement("SELECT " + AuditChainCheck.ROW_COLUMNS
                    + " FROM juece.audit_entry WHERE chain_key = ? ORDER BY chain_seq, id")) {
                ps.setString(1, chain);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(AuditChainCheck.read(rs));
                    }
                }
            }
            ChainHead head = AuditChainCheck.head(con, chain);
            return new Export(rows, head, AuditChainVerifier.verify(chain, rows, head));
        });
    }

    /** A chain's rows, its head and what verifying them gave. */
    public record Export(List<ChainRow> rows, ChainHead head, ChainReport report) {
    }

    /**
     * Every chain is for those who supervise the whole procedure: administrators, the justice bureau, the
     * government office and the decision organ (Art. 60-63).
     */
    public void requireWholeTrailReader(Actor actor) {
        Set<String> allowed = new HashSet<>();
        allowed.add(Groups.ADMIN);
        for (Organ organ : directory.organs()) {
            allowed.add(Groups.unit(organ.justiceUnit()));
            allowed.add(Groups.unit(organ.officeUnit()));
            allowed.add(Groups.decisionOrgan(organ.code()));
        }
        if (!actor.inAnyGroup(allowed)) {
            throw RuleViolation.forbidden("AUDIT_VERIFY_FORBIDDEN",
                    "全部审计记录的校验供系统管理员、司法行政部门、政府办公室和决策机关使用（第六十条至第六十三条）；"
                            + "单件决策事项的审计记录可在该事项的案卷中校验。");
        }
    }
}

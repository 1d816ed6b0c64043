package cn.juece.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.support.AppClock;

/**
 * Sign-in hardening per account (juece.account_guard, shared by every node): after
 * {@code juece.security.lockout.max-failures} consecutive wrong passwords an account is refused for
 * {@code juece.security.lockout.duration}, even with its correct password; a correct password resets the count. The
 * lock is the account's, never the address's: behind the county's reverse proxy every person comes from one address,
 * and one person's mistakes (or an attacker guessing one account) must not refuse anyone else.
 *
 * <p>Only accounts that exist are counted (built-in people, and directory people once written at their first sign-in):
 * guessed names fill no table, and the LDAP directory applies its own policy to its people's first attempts.
 *
 * <p>Also "退出所有设备" (logout everywhere): {@link #revokeSessions} stamps the account, and
 * {@link SessionRevocationFilter} ends every session signed in before the stamp at its next request.
 */
@Component
public class SignInGuard {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final AppClock clock;
    private final AuditTrail audit;
    private final Directory directory;
    private final TransactionTemplate tx;
    private final int maxFailures;
    private final Duration lockDuration;

    SignInGuard(JdbcClient jdbc, IdentityService identity, AppClock clock, AuditTrail audit, Directory directory,
                TransactionTemplate tx,
                @Value("${juece.security.lockout.max-failures:5}") int maxFailures,
                @Value("${juece.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
        this.audit = audit;
        this.directory = directory;
        this.tx = tx;
        this.maxFailures = Math.max(1, maxFailures);
        this.lockDuration = lockDuration;
    }

    /**
     * Refuses a locked account before its password is checked (so that guessing during the lock tells nothing). Says
     * whether wrong passwords are counted against the account now: only then has a correct one a count to reset
     * ({@link #succeeded}), so a sign-in with nothing to reset writes nothing (issue 17: every HTTP Basic call signs in).
     */
    public boolean checkNotLocked(String userId) {
        OffsetDateTime now = clock.now();
        var standing = jdbc.sql("SELECT locked_until, failures FROM juece.account_guard WHERE user_id = ?").param(userId)
                .query((rs, i) -> new Standing(rs.getObject(1, OffsetDateTime.class), rs.getInt(2))).optional();
        if (standing.isEmpty()) {
            return false;
        }
        OffsetDateTime until = standing.get().lockedUntil();
        if (until != null && until.isAfter(now)) {
            throw new Locked(until.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
        }
        return standing.get().failures() > 0;
    }

    private record Standing(OffsetDateTime lockedUntil, int failures) {
    }

    public Optional<OffsetDateTime> lockedUntil(String userId) {
        OffsetDateTime now = clock.now();
        return jdbc.sql("SELECT locked_until FROM juece.account_guard WHERE user_id = ?").param(userId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(until -> until != null && until.isAfter(now))
                .map(until -> until.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }

    /** A wrong password for this name: counted for an existing account; the account is locked at the limit. */
    public void failed(String userId) {
        if (userId == null || userId.length() > 64 || identity.createUserQuery().userId(userId).count() == 0) {
            return;
        }
        ensureRow(userId);
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE juece.account_guard SET failures = failures + 1 WHERE user_id = ?").param(userId).update();
            OffsetDateTime until = clock.now().plus(lockDuration);
            int locked = jdbc.sql("UPDATE juece.account_guard SET failures = 0, locked_until = ? WHERE user_id = ? AND failures >= ?")
                    .params(until, userId, maxFailures).update();
            if (locked > 0) {
                log.warn("Sign-in: account {} locked until {} after {} consecutive wrong passwords", userId, until, maxFailures);
                audit.record(cn.juece.identity.Actor.system(), null, null, AuditAction.SIGN_IN_LOCKED,
                        directory.displayName(userId) + "（" + userId + "）连续" + maxFailures + "次输入错误密码，账号锁定至 "
                                + until.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            }
        });
    }

    /** A correct password: the count starts again. */
    public void succeeded(String userId) {
        jdbc.sql("UPDATE juece.account_guard SET failures = 0 WHERE user_id = ? AND failures > 0").param(userId).update();
    }

    /** An administrator lifts the lock at once (the count starts again); audited when there was a lock. */
    public void unlock(String userId, Actor admin) {
        tx.executeWithoutResult(s -> {
            boolean wasLocked = lockedUntil(userId).isPresent();
            jdbc.sql("UPDATE juece.account_guard SET failures = 0, locked_until = NULL WHERE user_id = ?").param(userId).update();
            if (wasLocked) {
                audit.record(admin, null, null, AuditAction.SIGN_IN_UNLOCKED,
                        admin.name() + "解除了" + directory.displayName(userId) + "（" + userId + "）的登录锁定");
            }
        });
    }

    /** Ends every session of this account signed in before now, on every node (at each one's next request). */
    public void revokeSessions(String userId) {
        ensureRow(userId);
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE juece.account_guard SET sessions_revoked_at = ? WHERE user_id = ?").params(clock.now(), userId).update();
            audit.record(directory.actor(userId), null, null, AuditAction.SESSIONS_REVOKED,
                    directory.displayName(userId) + "（" + userId + "）退出了所有设备上的登录");
        });
    }

    /**
     * The account's row, created on its own (outside any transaction: on PostgreSQL a failed INSERT would abort the
     * transaction around it); two nodes creating it at once is harmless.
     */
    private void ensureRow(String userId) {
        if (jdbc.sql("SELECT COUNT(*) FROM juece.account_guard WHERE user_id = ?").param(userId).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO juece.account_guard (user_id, failures) VALUES (?, 0)").param(userId).update();
        } catch (DuplicateKeyException concurrent) {
            // the other node's row will do
        }
    }

    /** When the account last asked to end all its sessions; empty when never. */
    public Optional<OffsetDateTime> sessionsRevokedAt(String userId) {
        return jdbc.sql("SELECT sessions_revoked_at FROM juece.account_guard WHERE user_id = ?").param(userId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional().filter(t -> t != null);
    }

    /** A locked account's refusal: the login page, /api and the webapps' login form say until when. */
    public static final class Locked extends LockedException {
        private final OffsetDateTime until;

        Locked(OffsetDateTime until) {
            super("该账号因连续多次输入错误密码已被暂时锁定，请于 " + until.format(HH_MM)
                    + " 后再试；如非本人操作，请联系系统管理员。其他人员的登录不受影响。");
            this.until = until;
        }

        public OffsetDateTime until() {
            return until;
        }
    }
}

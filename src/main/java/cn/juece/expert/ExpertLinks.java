package cn.juece.expert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The experts' signed links (Art. 33, 34: experts need no account): {@code /public/experts/<token>}, the token being
 * the invitation's id and expiry, signed with HMAC-SHA256 for this one purpose. The secret is
 * {@code juece.expert.link-secret}; without one, the application generates a secret once and keeps it in its database
 * (every node reads the same). A forged or altered token is unknown; an expired one says so; revocation is the
 * invitation row's (checked by the caller).
 */
@Component
class ExpertLinks {

    static final String SECRET_NAME = "expert-link";
    /** The purpose signed into every token: a token made for something else never opens an expert's page. */
    static final String PURPOSE = "juece-expert-invitation-v1";

    private final JdbcClient jdbc;
    private final AppClock clock;
    private final String configured;
    private final Duration validity;
    private final TransactionTemplate newTransaction;
    private volatile byte[] secret;

    ExpertLinks(JdbcClient jdbc, AppClock clock, PlatformTransactionManager transactions,
                @Value("${juece.expert.link-secret:}") String configured,
                @Value("${juece.expert.link-validity:P30D}") Duration validity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = configured;
        this.validity = validity;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How long a new link stays valid ({@code juece.expert.link-validity}, 30 days by default). */
    OffsetDateTime expiryFrom(OffsetDateTime issuedAt) {
        return issuedAt.plus(validity);
    }

    String token(long invitationId, OffsetDateTime expiresAt) {
        String payload = invitationId + "." + expiresAt.toEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** The invitation a genuine, unexpired token names; the refusal an unknown or expired link gets otherwise. */
    long verify(String token) {
        String t = token == null ? "" : token.strip();
        int dot = t.indexOf('.');
        if (dot <= 0 || t.length() > 200) {
            throw invalid();
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(t.substring(0, dot)), StandardCharsets.US_ASCII);
            signature = Base64.getUrlDecoder().decode(t.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 2) {
            throw invalid();
        }
        long id;
        long expires;
        try {
            id = Long.parseLong(parts[0]);
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (clock.now().toEpochSecond() > expires) {
            throw new RuleViolation(org.springframework.http.HttpStatus.GONE, "EXPERT_LINK_EXPIRED",
                    "该论证邀请链接已过期。如仍需参加论证，请与邀请您的决策承办单位联系，重新发送链接。");
        }
        return id;
    }

    static RuleViolation invalid() {
        return RuleViolation.notFound("EXPERT_LINK_INVALID", "链接无效：请核对邮件中的完整链接。如仍无法打开，请与邀请您的决策承办单位联系。");
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac.doFinal((PURPOSE + "|" + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = configured != null && !configured.isBlank() ? configured.strip().getBytes(StandardCharsets.UTF_8) : stored();
                }
                s = secret;
            }
        }
        return s;
    }

    /** The generated secret, created once (two nodes racing both read the one that was stored first). */
    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            newTransaction.executeWithoutResult(st -> jdbc.sql("""
                    INSERT INTO juece.app_secret (name, secret, created_at)
                    SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM juece.app_secret WHERE name = ?)""")
                    .params(SECRET_NAME, HexFormat.of().formatHex(fresh), clock.now(), SECRET_NAME).update());
        } catch (DuplicateKeyException e) {
            // another node stored its secret first: read it below
        }
        return HexFormat.of().parseHex(jdbc.sql("SELECT secret FROM juece.app_secret WHERE name = ?").param(SECRET_NAME)
                .query(String.class).single());
    }
}

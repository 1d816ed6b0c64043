package cn.juece.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.support.AppClock;

/**
 * Sends the outbox (DECISIONS.md 18): claims due rows one by one, sends each with a Message-ID derived from
 * its id (a duplicate is recognisable), marks it sent; on an error it retries with exponential back-off
 * and after {@code juece.mail.max-attempts} marks it failed (the admin page resends). An SMTP outage only
 * delays mail: rows stay pending. Each row is claimed before sending, so no two workers send it.
 * Scheduled every {@code juece.mail.interval} when {@code juece.mail.worker.enabled}; {@link #runOnce()}
 * sends what is due now (tests, the admin page).
 */
@Service
public class MailWorker {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(6);
    /** A SENDING row this old belongs to a worker that died: it goes back to PENDING (at least once). */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final OutboxRepository repository;
    private final TransactionTemplate tx;
    private final AppClock clock;
    private final boolean enabled;
    private final int maxAttempts;
    private final String from;
    private final String domain;
    private volatile JavaMailSenderImpl sender;

    MailWorker(OutboxRepository repository, TransactionTemplate tx, AppClock clock,
               @Value("${juece.mail.worker.enabled:true}") boolean enabled,
               @Value("${juece.mail.max-attempts:8}") int maxAttempts,
               @Value("${juece.mail.from:juece@gx.example.gov.cn}") String from,
               @Value("${spring.mail.host:}") String host,
               @Value("${spring.mail.port:25}") int port,
               @Value("${spring.mail.username:}") String username,
               @Value("${spring.mail.password:}") String password,
               @Value("${juece.mail.timeout-ms:5000}") int timeoutMs) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.maxAttempts = maxAttempts;
        this.from = from;
        this.domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "juece.local";
        this.sender = host == null || host.isBlank() ? null : sender(host.strip(), port, username, password, timeoutMs);
        if (sender == null) {
            log.info("No mail server configured (spring.mail.host): mail waits in the outbox until one is");
        }
    }

    /**
     * Whether a mail server is configured (spring.mail.host). Without one, mail waits in the outbox as pending,
     * nothing is attempted and nothing counts as failed (the admin page says 未配置邮件服务器).
     */
    public boolean configured() {
        return sender != null;
    }

    /** Points the worker at another SMTP server (tests: a GreenMail port; an administrator's change). */
    public void useServer(String host, int port) {
        this.sender = sender(host, port, null, null, 2000);
    }

    @Scheduled(fixedDelayString = "${juece.mail.interval:PT30S}", initialDelayString = "${juece.mail.initial-delay:PT30S}")
    void scheduled() {
        if (enabled) {
            runOnce();
        }
    }

    /** Sends every row due now; returns how many were sent. */
    public synchronized int runOnce() {
        if (sender == null) {
            return 0;
        }
        OffsetDateTime now = clock.now();
        tx.executeWithoutResult(s -> repository.releaseStale(now.minus(STALE_CLAIM)));
        List<Long> due = repository.due(now, 200);
        int sent = 0;
        for (long id : due) {
            Boolean claimed = tx.execute(s -> repository.claim(id, now));
            if (!Boolean.TRUE.equals(claimed)) {
                continue;
            }
            OutboxMail mail = repository.get(id);
            try {
                send(mail);
                tx.executeWithoutResult(s -> repository.sent(id, clock.now()));
                sent++;
            } catch (Exception e) {
                int attempts = mail.attempts() + 1;
                boolean give = attempts >= maxAttempts;
                OffsetDateTime next = now.plus(backoff(attempts));
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                tx.executeWithoutResult(s -> repository.failed(id, give ? OutboxRepository.FAILED : OutboxRepository.PENDING,
                        attempts, next, error));
                log.warn("Mail {} to {} not sent (attempt {}): {}", id, mail.recipient(), attempts, error);
            }
        }
        return sent;
    }

    /** 1, 2, 4, 8 … minutes, at most 6 hours. */
    static Duration backoff(int attempts) {
        long minutes = FIRST_RETRY.toMinutes() << Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = Duration.ofMinutes(minutes);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** The Message-ID of an outbox row: the same row always has the same id (DECISIONS.md 18). */
    public String messageId(long outboxId) {
        return "<outbox-" + outboxId + "@" + domain + ">";
    }

    private void send(OutboxMail mail) throws MessagingException {
        JavaMailSenderImpl s = sender;
        String messageId = messageId(mail.id());
        MimeMessage message = new MimeMessage(s.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setHeader("X-Juece-Outbox-Id", String.valueOf(mail.id()));
        s.send(message);
    }

    private static JavaMailSenderImpl sender(String host, int port, String username, String password, int timeoutMs) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(host);
        s.setPort(port);
        if (username != null && !username.isBlank()) {
            s.setUsername(username);
            s.setPassword(password);
        }
        s.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMs));
        p.put("mail.smtp.timeout", String.valueOf(timeoutMs));
        p.put("mail.smtp.writetimeout", String.valueOf(timeoutMs));
        if (username != null && !username.isBlank()) {
            p.put("mail.smtp.auth", "true");
        }
        s.setJavaMailProperties(p);
        s.setSession(Session.getInstance(p));
        return s;
    }

    /** Lists and resends for the admin page. */
    public List<OutboxMail> unsent(int limit) {
        return repository.unsent(limit);
    }

    public List<OutboxMail> recentSent(int limit) {
        return repository.recentSent(limit);
    }

    public OutboxMail mail(long id) {
        return repository.get(id);
    }

    public boolean resend(long id) {
        Integer n = tx.execute(s -> repository.resend(id, clock.now()));
        return n != null && n == 1;
    }
}

package cn.juece.notification;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.support.AppClock;

/**
 * Writes notices into the outbox, inside the transaction of the act that causes them (DECISIONS.md 18):
 * the act and its mail commit or roll back together; {@link MailWorker} sends them later. Addresses come
 * from Camunda identity (the users' e-mail).
 */
@Service
public class Outbox {

    private final OutboxRepository repository;
    private final IdentityService identity;
    private final AppClock clock;
    private final String baseUrl;

    Outbox(OutboxRepository repository, IdentityService identity, AppClock clock,
           @Value("${juece.portal.base-url:http://localhost:8080}") String baseUrl) {
        this.repository = repository;
        this.identity = identity;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An absolute link into the portal for a path such as /decisions/GX-2026-001. */
    public String link(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * One row per member (with an e-mail address) of each group. Returns the number of rows written.
     * The body gets the link appended.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toGroups(Long decisionId, String kind, List<String> groupIds, String subject, String body, String link) {
        int n = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String group : groupIds.stream().filter(Objects::nonNull).distinct().toList()) {
            for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
                if (u.getEmail() != null && !u.getEmail().isBlank() && seen.add(u.getId())) {
                    toAddress(decisionId, kind, u.getId(), u.getEmail(), subject, body, link);
                    n++;
                }
            }
        }
        return n;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void toAddress(Long decisionId, String kind, String recipientId, String address, String subject, String body,
                          String link) {
        String text = body + (link == null ? "" : "\n\n办理链接：" + link)
                + "\n\n（本邮件由重大行政决策程序系统自动发送，请勿直接回复。）";
        repository.insert(decisionId, kind, recipientId, address, subject, text, link, clock.now());
    }

    public List<OutboxMail> forDecision(long decisionId) {
        return repository.forDecision(decisionId);
    }
}

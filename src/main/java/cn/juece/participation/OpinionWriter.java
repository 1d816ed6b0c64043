package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.portal.FormOnce;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes one received opinion, already checked against the window and the limits, in the caller's
 * transaction: the row (marked as the same as an earlier one with identical text, Art. 28 campaign
 * grouping) and its audit entry. The public's opinions reach it through {@link Intake}, which commits
 * them in groups; staff-entered letters call it in their own transaction.
 */
@Component
class OpinionWriter {

    private final ConsultationRepository repository;
    private final AuditTrail audit;
    private final FormOnce forms;

    OpinionWriter(ConsultationRepository repository, AuditTrail audit, FormOnce forms) {
        this.repository = repository;
        this.audit = audit;
        this.forms = forms;
    }

    record Received(Consultation consultation, String decisionNumber, String receipt, OpinionChannel channel, String authorName,
                    String contact, boolean quotable, String content, String contentHash, LocalDate postmarkDate,
                    OffsetDateTime submittedAt, Actor actor, boolean enteredByStaff, CommentAttachment attachment, FormOnce.Key formKey) {
    }

    Opinion write(Received r) {
        if (r.formKey() != null) {
            // the same portal form sent again, by now or earlier in this batch: the opinion stored first (FormOnce)
            var first = forms.firstReceipt(r.formKey()).flatMap(repository::opinionByReceipt);
            if (first.isPresent()) {
                return first.get();
            }
        }
        Consultation c = r.consultation();
        Long sameAs = repository.firstWithHash(c.id(), r.contentHash()).orElse(null);
        Opinion.Moderation moderation = c.moderated() ? Opinion.Moderation.PENDING : Opinion.Moderation.PUBLISHED;
        String enteredBy = r.enteredByStaff() ? r.actor().id() : null;
        long id = repository.insertOpinion(c.id(), r.receipt(), r.channel(), r.authorName(), r.contact(), r.quotable(),
                r.content(), r.contentHash(), sameAs, r.postmarkDate(), r.submittedAt(), enteredBy, moderation);
        if (r.attachment() != null) {
            repository.insertAttachment(id, r.attachment());
        }
        forms.record(r.formKey(), "OPINION", r.receipt());
        audit.record(r.actor(), c.decisionId(), r.decisionNumber(), AuditAction.OPINION_RECEIVED,
                "收到意见 " + ReceiptNumbers.display(r.receipt()) + "（" + r.channel().label() + (sameAs != null ? "，与较早意见内容相同" : "")
                        + (r.attachment() != null ? "，附件：" + r.attachment().fileName() + "，SHA-256 " + r.attachment().sha256() : "") + "）");
        return new Opinion(id, c.id(), r.receipt(), r.channel(), r.authorName(), r.contact(), r.quotable(), r.content(),
                r.contentHash(), sameAs, r.postmarkDate(), r.submittedAt(), enteredBy, moderation, null, null, null, null);
    }

    /**
     * The public's opinions, committed in groups (see {@link GroupCommit}). Each commit adds its rows to the counter
     * {@code juece.comments.received} and one to {@code juece.intake.commits} (/actuator/prometheus: the intake rate
     * and the rows per commit).
     */
    @Configuration(proxyBeanMethods = false)
    static class Intake {

        @Bean
        GroupCommit<Received, Opinion> opinionIntake(PlatformTransactionManager transactions, OpinionWriter writer, MeterRegistry meters,
                                                     cn.juece.support.H2WriteCheckpoint.Checkpoints checkpoints,
                                                     @Value("${juece.participation.intake.max-batch:256}") int maxBatch,
                                                     @Value("${juece.participation.intake.capacity:4096}") int capacity) {
            Counter received = Counter.builder("juece.comments.received")
                    .description("Public comments committed by the intake's group commit").register(meters);
            Counter commits = Counter.builder("juece.intake.commits")
                    .description("Commits of the comment intake's group commit").register(meters);
            return new GroupCommit<>("opinion-intake", new TransactionTemplate(transactions), maxBatch, capacity, writer::write)
                    .onCommitted(rows -> {
                        received.increment(rows);
                        commits.increment();
                    })
                    // on the embedded H2 file: one CHECKPOINT SYNC per batch, so the receipts need none of their own
                    .durable(checkpoints::afterCommit);
        }
    }
}

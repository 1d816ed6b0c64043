package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.juece.portal.ReceiptNumbers;

/** One opinion, as received: never deleted, opposing ones included (Art. 28). */
public record Opinion(long id, long consultationId, String receipt, OpinionChannel channel, String authorName,
                      String contact, boolean quotable, String content, String contentHash, Long sameAs,
                      LocalDate postmarkDate, OffsetDateTime submittedAt, String enteredBy, Moderation moderation,
                      String moderationReason, Long clusterId, Adoption adoption, String adoptionReason) {

    public enum Moderation { PENDING, PUBLISHED, HIDDEN }

    /** The receipt number as the commenter was given it (XXXX-XXXX-XXXX), wherever people read it. */
    public String receiptDisplay() {
        return ReceiptNumbers.display(receipt);
    }
}

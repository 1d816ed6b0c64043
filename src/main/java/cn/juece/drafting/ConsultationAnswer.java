package cn.juece.drafting;

import java.time.OffsetDateTime;

/**
 * A unit consulted during drafting (Art. 16) and its answer: AGREE or DISAGREE with its opinion; for a
 * disagreement, the lead unit's position and reasons for the decision organ, or how it was settled.
 */
public record ConsultationAnswer(long id, long decisionId, String unitCode, String answer, String opinion,
                                 String answeredBy, OffsetDateTime answeredAt, String leadPosition,
                                 boolean settled) {

    public boolean disagrees() {
        return "DISAGREE".equals(answer);
    }

    /** A disagreement not settled by consultation (协商) between the units: it goes to the decision organ. */
    public boolean unresolved() {
        return disagrees() && !settled;
    }
}

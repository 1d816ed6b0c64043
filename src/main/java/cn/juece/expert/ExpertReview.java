package cn.juece.expert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The expert review of one decision in one round of its step (Art. 30-35): the arrangement, the panel, the draws,
 * the invitations, the deliveries of materials, the opinions and their adoption, the summary and the feedback.
 *
 * @param fields  the matter's fields (专业领域) the panel must cover
 * @param parties the units and organisations with a stake in the matter (a direct interest, Art. 31)
 */
public record ExpertReview(long id, long decisionId, int round, Form form, boolean complex, List<String> fields,
                           List<String> parties, String recordedBy, OffsetDateTime recordedAt, Integer belowMinimumSize,
                           String belowMinimumReason, String belowMinimumBy, OffsetDateTime belowMinimumAt, String summary,
                           String summarisedBy, OffsetDateTime summarisedAt, String feedbackSentBy,
                           OffsetDateTime feedbackSentAt, String publishedBy, OffsetDateTime publishedAt,
                           List<Member> members, List<Draw> draws, List<Delivery> deliveries) {

    /** Art. 30: the forms of expert review. */
    public enum Form {
        MEETING("论证会"), WRITTEN("书面咨询"), COMMISSIONED("委托专业机构论证咨询");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a panel member stands. */
    public enum Status {
        SELECTED("已确定，待邀请"), INVITED("已邀请，待答复"), ACCEPTED("已接受邀请"), DECLINED("已谢绝"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** On the panel (not declined, not withdrawn). */
        public boolean active() {
            return this == SELECTED || this == INVITED || this == ACCEPTED;
        }
    }

    /** Art. 35: the adoption of an opinion. */
    public enum Adoption {
        ADOPTED("采纳"), PARTLY("部分采纳"), NOT_ADOPTED("不采纳");

        private final String label;

        Adoption(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The "一般" minimum of Art. 31 for this matter: 5, or 7 when complex. */
    public int minimum() {
        return PanelDraw.minimum(complex);
    }

    /** The least panel the review needs: the minimum, or the smaller size the lead unit's head approved with a reason. */
    public int requiredSize() {
        return belowMinimumSize != null ? belowMinimumSize : minimum();
    }

    public boolean arranged() {
        return form != null && !fields.isEmpty();
    }

    public List<Member> active() {
        return members.stream().filter(m -> m.status().active()).toList();
    }

    public List<Member> accepted() {
        return members.stream().filter(m -> m.status() == Status.ACCEPTED).toList();
    }

    /** The newest delivery day, if materials were delivered. */
    public LocalDate lastDelivery() {
        return deliveries.stream().map(Delivery::deliveredOn).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * One expert on the panel.
     *
     * @param drawId       the draw that chose them, or null when added by hand (with {@code manualReason})
     * @param delivered    the material versions delivered to them
     * @param invitation   their newest link, or null
     */
    public record Member(long id, long reviewId, Expert expert, Long drawId, String manualReason, Status status,
                         String addedBy, OffsetDateTime addedAt, OffsetDateTime respondedAt, String declineReason,
                         String withdrawnReason, OffsetDateTime confidentialityAt, Opinion opinion, Invitation invitation,
                         List<Long> delivered) {

        public Member withoutContacts() {
            return new Member(id, reviewId, expert.withoutContacts(), drawId, manualReason, status, addedBy, addedAt, respondedAt,
                    declineReason, withdrawnReason, confidentialityAt, opinion, invitation, delivered);
        }
    }

    /** Art. 33: an expert's independent opinion; Art. 35: its adoption and the feedback. */
    public record Opinion(long id, long memberId, String necessity, String soundness, String timing, String negativeImpact,
                          String other, OffsetDateTime submittedAt, Adoption adoption, String adoptionReason,
                          String adoptedBy, OffsetDateTime adoptedAt, OffsetDateTime feedbackAt) {
    }

    /** A signed link: when issued, until when valid, whether revoked, when last used. */
    public record Invitation(long id, long memberId, String issuedBy, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                             String revokedBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

        public boolean usable(OffsetDateTime now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /**
     * A draw (Art. 31) with everything needed to run it again: seed, size, matter fields, the candidates in order.
     *
     * @param kind PANEL or REPLACEMENT; outcome DRAWN or FAILED (problem then says which constraint and what was lacking)
     */
    public record Draw(long id, long reviewId, String kind, String seed, int panelSize, List<String> matterFields,
                       int rotationDraws, int rotationMonths, Long replacesMemberId, String outcome, String problemCode,
                       String problem, String drawnBy, OffsetDateTime drawnAt, List<Candidate> candidates) {

        public boolean drawn() {
            return "DRAWN".equals(outcome);
        }

        public List<Long> chosen() {
            return candidates.stream().filter(Candidate::chosen).map(Candidate::expertId).toList();
        }

        public long eligible() {
            return candidates.stream().filter(c -> c.excluded() == null).count();
        }
    }

    /** One candidate of a draw as it was: type and fields then, why left out (null: eligible; ON_PANEL: kept). */
    public record Candidate(int seq, long expertId, PanelDraw.Type type, List<String> fields, String excluded, boolean chosen) {
    }

    /** Art. 34: materials provided to experts on a day. */
    public record Delivery(long id, long reviewId, LocalDate deliveredOn, List<Long> versionIds, List<Long> memberIds,
                           String recordedBy, OffsetDateTime recordedAt) {
    }
}

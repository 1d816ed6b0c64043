package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.juece.portal.ReceiptNumbers;

/** A hearing (听证会, Art. 22-26) and its applicants. */
public record Hearing(long id, long decisionId, String title, LocalDate heldOn, String place, int seats,
                      LocalDate applyUntil, LocalDate noticePublishedOn, String selectionMethod,
                      OffsetDateTime selectionMethodPublished, String selectionSeed, OffsetDateTime participantsPublished,
                      LocalDate materialsDeliveredOn, String presider, String recorder, String belowHalfReason,
                      Status status, List<Applicant> applicants) {

    public enum Status {
        NOTICED("已公告"), SELECTED("已确定参加人"), CONFIRMED("已确认召开"), HELD("已召开"), REPORTED("已形成听证报告"),
        CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Applicant (申请参加人); contact details are for staff only. */
    public record Applicant(long id, String receipt, String name, String contact, String side, boolean stakeholder,
                            String statement, OffsetDateTime submittedAt, boolean selected, boolean attended,
                            boolean signed) {

        /** The receipt number as the applicant was given it (XXXX-XXXX-XXXX). */
        public String receiptDisplay() {
            return ReceiptNumbers.display(receipt);
        }
    }

    public List<Applicant> participants() {
        return applicants.stream().filter(Applicant::selected).toList();
    }
}

package cn.juece.portal;

import java.time.OffsetDateTime;

/** A written proposal from a citizen, legal person or organisation through the public portal (Art. 11). */
public record PublicProposal(long id, String receiptNo, String organCode, String proposerName, String contact,
                             String title, String content, Status status, Long decisionId, String handledNote,
                             String handledBy, OffsetDateTime handledAt, OffsetDateTime submittedAt) {

    public String receiptDisplay() {
        return ReceiptNumbers.display(receiptNo);
    }

    public enum Status {
        RECEIVED("已收到，待登记办理"),
        REGISTERED("已登记为决策事项建议，交有关部门研究论证（第十一条）"),
        NOT_REGISTERED("不予登记为决策事项建议（理由见办理说明）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

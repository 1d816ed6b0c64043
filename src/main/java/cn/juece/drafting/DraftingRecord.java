package cn.juece.drafting;

import java.time.OffsetDateTime;

/**
 * What drafting records beside its materials: who drafts (Art. 13), the two questions that decide the
 * fair competition and trade policy reviews (Art. 14), the optional cost-benefit report's four parts
 * (Art. 15), and the legal advisers' and public lawyers' opinions heard at the initial review (Art. 14).
 *
 * @param touchesMarket null until answered
 * @param touchesTrade null until answered
 */
public record DraftingRecord(long decisionId, DrafterMode drafterMode, String commissionedOrg, Boolean touchesMarket,
                             Boolean touchesTrade, String costBasicInfo, String costMethod, String costConclusion,
                             String costEffect, String legalAdviserOpinion, String legalAdviserName,
                             String publicLawyerOpinion, String publicLawyerName, String updatedBy,
                             OffsetDateTime updatedAt) {

    public static DraftingRecord empty(long decisionId) {
        return new DraftingRecord(decisionId, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean hasCostBenefit() {
        return costBasicInfo != null;
    }

    public boolean questionsAnswered() {
        return touchesMarket != null && touchesTrade != null;
    }

    public enum DrafterMode {
        SELF("决策承办单位自行起草"),
        COMMISSIONED("委托有关专家或者专业机构起草");

        private final String label;

        DrafterMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Art. 14: whose opinion the legal office heard. */
    public enum LegalVoice {
        LEGAL_ADVISER("法律顾问"),
        PUBLIC_LAWYER("公职律师");

        private final String label;

        LegalVoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

package cn.juece.proposal;

import java.time.OffsetDateTime;

/**
 * The study of a proposal (Art. 11): the main problem, reasons and basis, preliminary plan, necessity and
 * feasibility; and its scope (Art. 3): out of scope with the reason, or a matter whose procedure another law
 * or administrative regulation sets (flagged, with that basis).
 */
public record ProposalStudy(long decisionId, String problem, String reasonsBasis, String preliminaryPlan,
                            String necessity, String feasibility, String studyBy, OffsetDateTime studyAt,
                            boolean specialProcedure, String specialProcedureBasis, String outOfScopeReason,
                            boolean outOfScopeConfirmed) {

    public static ProposalStudy empty(long decisionId) {
        return new ProposalStudy(decisionId, null, null, null, null, null, null, null, false, null, null, false);
    }

    /** The parts of the study still empty, in Chinese. */
    public java.util.List<String> missingParts() {
        var missing = new java.util.ArrayList<String>();
        if (blank(problem)) missing.add("需要解决的主要问题");
        if (blank(reasonsBasis)) missing.add("理由和依据");
        if (blank(preliminaryPlan)) missing.add("初步方案");
        if (blank(necessity)) missing.add("必要性");
        if (blank(feasibility)) missing.add("可行性");
        return missing;
    }

    public boolean complete() {
        return missingParts().isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

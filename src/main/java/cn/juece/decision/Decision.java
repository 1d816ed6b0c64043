package cn.juece.decision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A major administrative decision matter: one dossier, one process instance, one number
 * (<organ>-<year>-<sequence>, the process instance's business key; DECISIONS.md 1).
 */
public record Decision(long id, String number, String organCode, String title, String summary,
                       Art3Category category, ProposalSource source, String sourceChannel, String proposer,
                       String leadUnit, List<String> coUnits, Stage stage, DecisionStatus status,
                       String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /**
     * The dossier may still be worked on: the procedure runs, or it has ended and awaits the archive (Art. 59:
     * what is missing is supplied before filing). Once archived, the dossier is read-only.
     */
    public boolean isOpen() {
        return status != DecisionStatus.ARCHIVED;
    }

    /** The procedure has ended (however: out of scope, not launched, …, archived). */
    public boolean ended() {
        return status != DecisionStatus.IN_PROGRESS;
    }
}

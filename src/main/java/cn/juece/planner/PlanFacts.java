package cn.juece.planner;

import java.time.LocalDate;

/**
 * What the dossier records that the plan turns on (read from the existing tables by {@link PlannerService}; built by
 * hand in unit tests). Nulls mean "not yet".
 *
 * @param today          the application clock's day
 * @param drafting       stage 3 (草案拟定): entered / left; null before the launch
 * @param participation  whether public participation is required (Art. 17; required unless recorded otherwise)
 * @param comment        whether a public comment (Art. 20) is planned (a notice exists, or participation is required)
 * @param hearing        whether a hearing is required (Art. 22, hearing_requirement) or announced
 * @param expert         whether expert review is required (Art. 30, procedure arrangement; assumed until recorded)
 * @param risk           whether risk assessment is required (Art. 36, procedure arrangement; assumed until recorded)
 * @param participationStage stage 4 entered / left
 * @param expertStage    stage 5 entered / left
 * @param riskStage      stage 6 entered / left
 * @param window         the public comment notice, if published
 * @param hearingHeld    the hearing, if announced
 * @param expertStep     the expert research period (EXPERT_RESEARCH), if opened
 * @param legalityStage  stage 7 entered / left
 * @param legalityStep   the legality review period (LEGALITY_REVIEW), if opened
 * @param meetingStage   stage 8 entered / left
 * @param events         other dated participation acts the stage waits for: symposiums (Art. 21, the stage ends only
 *                       once each is held) and questionnaires (Art. 17) with their days
 */
public record PlanFacts(LocalDate today, Span drafting, boolean participation, boolean comment, boolean hearing,
                        boolean expert, boolean risk, Span participationStage, Span expertStage, Span riskStage,
                        Window window, HearingFact hearingHeld, Step expertStep, Span legalityStage, Step legalityStep,
                        Span meetingStage, java.util.List<Event> events) {

    public PlanFacts(LocalDate today, Span drafting, boolean participation, boolean comment, boolean hearing,
                     boolean expert, boolean risk, Span participationStage, Span expertStage, Span riskStage,
                     Window window, HearingFact hearingHeld, Step expertStep, Span legalityStage, Step legalityStep,
                     Span meetingStage) {
        this(today, drafting, participation, comment, hearing, expert, risk, participationStage, expertStage, riskStage, window,
                hearingHeld, expertStep, legalityStage, legalityStep, meetingStage, java.util.List.of());
    }

    /** A dated participation act: a symposium (held on {@code end}) or a questionnaire (open through {@code end}). */
    public record Event(String step, String name, String article, LocalDate start, LocalDate end, boolean done) {
    }

    /** A stage's entry and (null while it runs) its end. */
    public record Span(LocalDate start, LocalDate end) {
        boolean ended() {
            return end != null;
        }
    }

    /** A step's statutory period as the period table stored it (pauses already in {@code earliestClose}). */
    public record Step(LocalDate start, LocalDate earliestClose, LocalDate closedOn, int pausedDays, boolean provisional) {
    }

    /** A published comment window: the notice's day, its last day, and the day its feedback was published. */
    public record Window(LocalDate opensOn, LocalDate closesOn, LocalDate feedbackOn) {
    }

    /** An announced hearing: the notice's day, the hearing's day, and whether its report is in. */
    public record HearingFact(LocalDate noticeOn, LocalDate heldOn, boolean reported) {
    }

    boolean parallelEntered() {
        return participationStage != null || expertStage != null || riskStage != null;
    }
}

package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A public comment notice (Art. 20): what, through which channels, from when until when. {@code provisionalYears}:
 * the years without a holiday notice its statutory minimum was counted over (issue 16: the end is provisional, 暂定,
 * and may only be extended when the notice is loaded); {@code publishedClosesOn}: the end first published, when a
 * recomputation extended it.
 */
public record Consultation(long id, long decisionId, String title, String noticeText, String channels,
                           LocalDate opensOn, LocalDate closesOn, String shortenedReason, String shortenedApprovedBy,
                           boolean moderated, ConsultationStatus status, String feedbackSummary,
                           OffsetDateTime feedbackPublishedAt, String publishedBy, OffsetDateTime publishedAt,
                           String provisionalYears, LocalDate publishedClosesOn) {

    /** Whether the end may still be extended by a holiday notice not loaded yet (never shortened). */
    public boolean provisional() {
        return provisionalYears != null && !provisionalYears.isBlank();
    }

    /** Whether a loaded holiday notice extended the end first published. */
    public boolean extended() {
        return publishedClosesOn != null && !publishedClosesOn.equals(closesOn);
    }

    public java.util.List<Integer> provisionalYearList() {
        return provisional() ? java.util.Arrays.stream(provisionalYears.split(",")).map(String::strip).map(Integer::valueOf).toList()
                : java.util.List.of();
    }
}

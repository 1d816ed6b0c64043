package cn.juece.participation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A public comment notice (Art. 20): what, through which channels, from when until when. */
public record Consultation(long id, long decisionId, String title, String noticeText, String channels,
                           LocalDate opensOn, LocalDate closesOn, String shortenedReason, String shortenedApprovedBy,
                           boolean moderated, ConsultationStatus status, String feedbackSummary,
                           OffsetDateTime feedbackPublishedAt, String publishedBy, OffsetDateTime publishedAt) {
}

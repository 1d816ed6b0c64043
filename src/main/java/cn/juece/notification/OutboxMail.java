package cn.juece.notification;

import java.time.OffsetDateTime;

/** One notice in the outbox: who, what, and where it stands (PENDING, SENDING, SENT, FAILED). */
public record OutboxMail(long id, Long decisionId, String kind, String recipientId, String recipient, String subject,
                         String body, String link, String status, int attempts, OffsetDateTime nextAttemptAt,
                         String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public String statusLabel() {
        return switch (status) {
            case OutboxRepository.PENDING -> attempts == 0 ? "待发送" : "待重试";
            case OutboxRepository.SENDING -> "发送中";
            case OutboxRepository.SENT -> "已发送";
            case OutboxRepository.FAILED -> "发送失败";
            default -> status;
        };
    }
}

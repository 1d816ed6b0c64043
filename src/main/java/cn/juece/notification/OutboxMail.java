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

    /**
     * What went wrong with the last attempt, in a plain Chinese sentence for the administrator; the technical text
     * ({@link #lastError()}, the mail library's own words) stays folded away on the page. Null when nothing failed.
     */
    public String errorSummary() {
        if (lastError == null || lastError.isBlank()) {
            return null;
        }
        String e = lastError.toLowerCase(java.util.Locale.ROOT);
        String unreachable = "无法连接邮件服务器（服务器未启动、地址或端口有误，或网络不通），邮件未发出。系统将按间隔自动重试。";
        if (e.contains("refused") || e.contains("unknownhost") || e.contains("unknown host") || e.contains("couldn't connect")) {
            return unreachable;
        }
        if (e.contains("timed out")) {
            return "邮件服务器长时间未响应，邮件未发出。系统将按间隔自动重试。";
        }
        if (e.contains("authenticat")) {
            return "邮件服务器拒绝了登录（用户名或密码有误），邮件未发出。请检查邮件服务器的账号设置（spring.mail.*）。";
        }
        if (e.contains("connect")) {
            return unreachable;
        }
        if (e.contains("address") || e.contains("recipient")) {
            return "收件人地址无效或被邮件服务器拒收，邮件未发出。请核对收件人的电子邮箱。";
        }
        return "邮件服务器未接受该邮件，邮件未发出。系统将按间隔自动重试；多次失败的，请联系邮件服务器管理员。";
    }
}

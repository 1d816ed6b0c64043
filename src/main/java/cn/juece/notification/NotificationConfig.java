package cn.juece.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox worker runs on Spring's scheduler ({@code juece.mail.worker.enabled}, {@code juece.mail.interval}). */
@Configuration
@EnableScheduling
class NotificationConfig {
}

package cn.juece.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Without a mail server configured (spring.mail.host empty, the embedded default), mail waits in the outbox:
 * the worker attempts nothing, so nothing is marked failed and no error is logged (issue 11).
 */
class MailWithoutServerTest {

    @Test
    void withoutAServerNothingIsAttempted() {
        MailWorker worker = new MailWorker(null, null, null, true, 8, "juece@gx.example.gov.cn", "", 25, "", "", 5000);
        assertThat(worker.configured()).isFalse();
        assertThat(worker.runOnce()).isZero();   // touches neither the outbox (null here) nor the clock
        worker.useServer("127.0.0.1", 2525);
        assertThat(worker.configured()).isTrue();
    }
}

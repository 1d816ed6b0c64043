package cn.juece.notification;

import cn.juece.support.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import cn.juece.IntegrationTest;

/**
 * Mail through the outbox (issue 5, DECISIONS.md 18) against GreenMail on a port this test owns: a notice
 * is delivered with its Message-ID and link; with the SMTP server down then up, nothing is lost and
 * nothing is sent twice. The worker is triggered directly (its schedule is off in tests).
 */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    MailWorker worker;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoticeIsDeliveredInChineseWithItsLinkAndAMessageIdFromTheOutboxRow() throws Exception {
        int port = FreePorts.free();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            worker.useServer("127.0.0.1", port);
            String to = "delivered-" + System.nanoTime() + "@gx.example.gov.cn";
            long id = enqueue(to, "【期限提醒】公布公众意见采纳情况应于2024年10月16日前办结");
            assertThat(status(id)).isEqualTo("PENDING");

            worker.runOnce();

            List<MimeMessage> mine = to(smtp, to);
            assertThat(mine).hasSize(1);
            MimeMessage m = mine.get(0);
            assertThat(m.getSubject()).isEqualTo("【期限提醒】公布公众意见采纳情况应于2024年10月16日前办结");
            assertThat(m.getMessageID()).isEqualTo(worker.messageId(id)).startsWith("<outbox-" + id + "@");
            String body = GreenMailUtil.getBody(m);
            assertThat(m.getContent().toString()).contains("请在期限内办结", "办理链接：http://localhost:8080/decisions/GX-2024-0001");
            assertThat(body).isNotBlank();
            assertThat(status(id)).isEqualTo("SENT");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void withTheSmtpServerDownThenUpNothingIsLostAndNothingIsSentTwice() throws Exception {
        int port = FreePorts.free();                      // nothing listens there yet: the server is down
        worker.useServer("127.0.0.1", port);
        clockAt("2026-03-02T10:00:00");
        String to = "outage-" + System.nanoTime() + "@gx.example.gov.cn";
        long id = enqueue(to, "【期限届满督办】合法性审查已到期未办结");

        worker.runOnce();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT attempts FROM juece.mail_outbox WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_error FROM juece.mail_outbox WHERE id = ?").param(id).query(String.class).single()).isNotBlank();

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();                               // the server is back
        try {
            worker.runOnce();                       // back-off: the retry is not due yet
            assertThat(to(smtp, to)).isEmpty();

            clockAt("2026-03-02T10:01:00");              // one minute later the retry is due
            worker.runOnce();
            assertThat(to(smtp, to)).hasSize(1);
            assertThat(status(id)).isEqualTo("SENT");

            clockAt("2026-03-02T12:00:00");
            worker.runOnce();
            worker.runOnce();
            assertThat(to(smtp, to)).hasSize(1);   // never twice
            assertThat(to(smtp, to).get(0).getMessageID()).isEqualTo(worker.messageId(id));

            // an administrator cannot resend what was sent
            var refused = as("admin").post("/api/mail/" + id + "/resend", java.util.Map.of());
            assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
            assertThat(refused.getBody().get("code").asText()).isIn("MAIL_ALREADY_SENT", "MAIL_ADMIN_ONLY");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aNoticeRolledBackWithItsActIsNeverSent() {
        String to = "rolledback-" + System.nanoTime() + "@gx.example.gov.cn";
        try {
            tx.executeWithoutResult(s -> {
                outbox.toAddress(null, "TEST", null, to, "不应发出", "不应发出", null);
                throw new IllegalStateException("the act fails");
            });
        } catch (IllegalStateException expected) {
            // the act and its notice roll back together
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.mail_outbox WHERE recipient = ?").param(to).query(Long.class).single()).isZero();
    }

    @Test
    void theAdminPageListsMailWaitingForARetryAndAnAdministratorResendsIt() throws Exception {
        worker.useServer("127.0.0.1", FreePorts.free());  // down
        String to = "waiting-" + System.nanoTime() + "@gx.example.gov.cn";
        long id = enqueue(to, "【期限提醒】专家论证应于2024年10月12日前办结");
        worker.runOnce();

        String page = cn.juece.support.StaffBrowser.signIn(port, "admin", PASSWORD).get("/admin/mail");
        assertThat(page).contains("邮件发件箱", to, "待重试", "重发");
        var notAdmin = as("fgj_wang").get("/api/mail");
        assertThat(notAdmin.getStatusCode().value()).isEqualTo(403);
        assertThat(notAdmin.getBody().get("code").asText()).isEqualTo("MAIL_ADMIN_ONLY");

        var r = as("admin").post("/api/mail/" + id + "/resend", java.util.Map.of());
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(202);
        assertThat(jdbc.sql("SELECT attempts FROM juece.mail_outbox WHERE id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void backOffDoublesUpToSixHours() {
        assertThat(MailWorker.backoff(1)).hasMinutes(1);
        assertThat(MailWorker.backoff(2)).hasMinutes(2);
        assertThat(MailWorker.backoff(4)).hasMinutes(8);
        assertThat(MailWorker.backoff(30)).hasHours(6);
    }

    private long enqueue(String to, String subject) {
        tx.executeWithoutResult(s -> outbox.toAddress(null, "TEST", null, to, subject,
                "决策事项：城区停车收费标准调整（GX-2024-0001）\n请在期限内办结。", outbox.link("/decisions/GX-2024-0001")));
        return jdbc.sql("SELECT id FROM juece.mail_outbox WHERE recipient = ?").param(to).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM juece.mail_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    private static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }


}

package cn.juece.notification;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /admin/mail and /api/mail: pending and failed mail, resend (administrators only). */
public final class MailAdmin {

    private MailAdmin() {
    }

    /** Whether the person may read the outbox and resend mail: administrators. */
    public static boolean mayAdminister(Actor actor) {
        return actor.groups().contains(Groups.ADMIN);
    }

    static Actor requireAdmin(Directory directory) {
        Actor actor = directory.currentActor();
        if (!mayAdminister(actor)) {
            throw RuleViolation.forbidden("MAIL_ADMIN_ONLY", "只有系统管理员可以查看和重发邮件。");
        }
        return actor;
    }

    static void resend(MailWorker worker, AuditTrail audit, TransactionTemplate tx, Actor actor, long id) {
        OutboxMail mail = worker.mail(id);
        if (mail == null) {
            throw RuleViolation.notFound("MAIL_NOT_FOUND", "邮件不存在：" + id + "。");
        }
        if (OutboxRepository.SENT.equals(mail.status()) || OutboxRepository.SENDING.equals(mail.status())) {
            throw new RuleViolation("MAIL_ALREADY_SENT", "邮件" + id + "已发送（或正在发送），不再重发，以免收件人收到两次。");
        }
        worker.resend(id);
        tx.executeWithoutResult(s -> audit.record(actor, mail.decisionId(), null, AuditAction.MAIL_RESENT,
                "重新发送邮件" + id + "：" + mail.subject() + "（收件人 " + mail.recipient() + "）"));
    }

    @Controller
    @StaffPage
    static class Page {

        private final MailWorker worker;
        private final Directory directory;
        private final AuditTrail audit;
        private final TransactionTemplate tx;

        Page(MailWorker worker, Directory directory, AuditTrail audit, TransactionTemplate tx) {
            this.worker = worker;
            this.directory = directory;
            this.audit = audit;
            this.tx = tx;
        }

        @GetMapping("/admin/mail")
        String page(Model model) {
            requireAdmin(directory);
            model.addAttribute("unsent", worker.unsent(200));
            model.addAttribute("configured", worker.configured());
            model.addAttribute("sent", worker.recentSent(50));
            return "admin-mail";
        }

        @PostMapping("/admin/mail/{id}/resend")
        String resend(@PathVariable long id) {
            MailAdmin.resend(worker, audit, tx, requireAdmin(directory), id);
            return "redirect:/admin/mail";
        }

        @PostMapping("/admin/mail/send-now")
        String sendNow() {
            requireAdmin(directory);
            worker.runOnce();
            return "redirect:/admin/mail";
        }
    }

    @RestController
    @JsonApi
    @RequestMapping("/api/mail")
    @Tag(name = "邮件", description = "邮件发件箱：待发送、发送失败的邮件及重发（系统管理员）")
    static class Api {

        private final MailWorker worker;
        private final Directory directory;
        private final AuditTrail audit;
        private final TransactionTemplate tx;

        Api(MailWorker worker, Directory directory, AuditTrail audit, TransactionTemplate tx) {
            this.worker = worker;
            this.directory = directory;
            this.audit = audit;
            this.tx = tx;
        }

        @GetMapping
        @Operation(summary = "待发送和发送失败的邮件")
        List<OutboxMail> unsent() {
            requireAdmin(directory);
            return worker.unsent(500);
        }

        @PostMapping("/{id}/resend")
        @ResponseStatus(HttpStatus.ACCEPTED)
        @Operation(summary = "重发一封未发出的邮件（已发送的不重发）")
        Map<String, Object> resend(@PathVariable long id) {
            MailAdmin.resend(worker, audit, tx, requireAdmin(directory), id);
            return Map.of("id", id, "status", "PENDING");
        }
    }
}

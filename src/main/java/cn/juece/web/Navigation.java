package cn.juece.web;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import cn.juece.identity.Actor;
import cn.juece.notification.MailAdmin;
import cn.juece.portal.PublicProposalService;
import cn.juece.supervision.SupervisionService;

/**
 * The staff pages' main menu offers only what the person may open (issue 11): each entry asks the feature that
 * refuses the page who may open it, so the menu and the refusal cannot disagree. Computed once per page
 * ({@link PageAdvice}, the error pages), never in a template.
 */
@Component
public class Navigation {

    private final SupervisionService supervision;
    private final PublicProposalService proposals;
    private final AuthorizationService authorizations;
    private final cn.juece.report.AnnualFiguresService annualFigures;

    Navigation(SupervisionService supervision, PublicProposalService proposals, AuthorizationService authorizations,
               cn.juece.report.AnnualFiguresService annualFigures) {
        this.annualFigures = annualFigures;
        this.supervision = supervision;
        this.proposals = proposals;
        this.authorizations = authorizations;
    }

    /**
     * The entries beyond those everyone signed in may open (my tasks, decisions, registering a proposal, the
     * catalogue, the calendar and periods to read, the API documentation).
     *
     * @param proposals   公众建议: the decision organ and administrators (Art. 11; the citizens' contact details)
     * @param supervision 监督统计: the supervisors (Art. 8, 60-63)
     * @param mail        邮件发件箱: administrators
     * @param tasklist    任务列表: those Camunda lets into Tasklist
     * @param cockpit     流程监控: those Camunda lets into Cockpit (organ-wide roles and administrators)
     * @param annualFigures 年度统计: the government office, the justice bureau, the decision organ, administrators
     */
    public record Links(boolean proposals, boolean supervision, boolean mail, boolean tasklist, boolean cockpit,
                        boolean annualFigures) {
    }

    public Links of(Actor actor) {
        if (actor == null || actor.isSystem()) {
            return new Links(false, false, false, false, false, false);
        }
        return new Links(proposals.mayHandle(actor), supervision.isSupervisor(actor), MailAdmin.mayAdminister(actor),
                webapp(actor, "tasklist"), webapp(actor, "cockpit"), annualFigures.mayRead(actor));
    }

    /**
     * Camunda's own answer: the application ACCESS authorization the webapp checks when the person opens it. Kept ten
     * seconds per person, groups and webapp: two authorization checks were 14 % of a work-list page's CPU on
     * PostgreSQL (issue 17); the webapp itself still checks on opening, so a grant or revocation only shows or hides
     * the menu entry up to ten seconds late.
     */
    private boolean webapp(Actor actor, String application) {
        return webappAccess.get(actor.id() + "|" + application + "|" + String.join(",", new java.util.TreeSet<>(actor.groups())),
                () -> authorizations.isUserAuthorized(actor.id(), actor.groups(), Permissions.ACCESS, Resources.APPLICATION, application));
    }

    private final cn.juece.support.ShortLived<String, Boolean> webappAccess =
            new cn.juece.support.ShortLived<>(java.time.Duration.ofSeconds(10), 10_000);
}

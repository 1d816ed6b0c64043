package cn.juece.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may see, enforced once for every staff endpoint and page (DECISIONS.md 23): a request naming a decision
 * ({@code /api/decisions/{number}/…}, {@code /decisions/{number}/…}) or a resource of one ({@code /api/opinions/{id}}
 * …) is refused, before its handler runs, exactly as an unknown number or id would be, unless the person may see
 * that decision. Inside a decision's pages, a resource of another decision is likewise unknown.
 */
@Configuration
class VisibilityInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ObjectProvider<DecisionAccess> access;
    private final ObjectProvider<DecisionService> decisions;
    private final ObjectProvider<Directory> directory;
    private final ObjectProvider<ScopedResources> contributions;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;

    VisibilityInterceptor(ObjectProvider<DecisionAccess> access, ObjectProvider<DecisionService> decisions,
                          ObjectProvider<Directory> directory, ObjectProvider<ScopedResources> contributions, JdbcClient jdbc,
                          TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.access = access;
        this.decisions = decisions;
        this.directory = directory;
        this.contributions = contributions;
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/decisions/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (vars == null || pattern == null) {
            return true;
        }
        Decision named = null;
        if (vars.containsKey("number") && (pattern.startsWith("/api/decisions/{number}") || pattern.startsWith("/decisions/{number}"))) {
            named = access.getObject().visible(vars.get("number"));
        }
        String taskId = vars.get("taskId");
        if (taskId != null) {
            checkTask(taskId, named);
        }
        String id = vars.get("id");
        if (id != null) {
            for (ScopedResource r : resources()) {
                if (pattern.contains("/" + r.segment() + "/{id}")) {
                    check(r, id, named);
                }
            }
        }
        return true;
    }

    private void check(ScopedResource r, String id, Decision named) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return; // the handler refuses a malformed id itself
        }
        Optional<Long> decisionId = jdbc.sql(r.decisionSql()).param(key).query(Long.class).optional();
        if (decisionId.isEmpty()) {
            return; // unknown: the handler answers with its own not-found
        }
        if (named != null ? named.id() != decisionId.get()
                : !access.getObject().maySee(directory.getObject().currentActor(), decisions.getObject().get(decisionId.get()))) {
            throw r.notFound().apply(id);
        }
    }

    /** A task of a decision the person may not see (or of another decision than the page's) is unknown. */
    private void checkTask(String taskId, Decision named) {
        // the dossier's step row names the decision (one indexed read, DECISIONS.md 22); the engine is asked only for
        // a task without one (the annual catalogue's)
        Optional<Long> stepDecision = jdbc.sql("SELECT decision_id FROM juece.step WHERE task_id = ?").param(taskId)
                .query(Long.class).optional();
        if (stepDecision.isPresent()) {
            if (named != null ? named.id() != stepDecision.get()
                    : !access.getObject().maySee(directory.getObject().currentActor(), decisions.getObject().get(stepDecision.get()))) {
                throw RuleViolation.taskNotFound(taskId);
            }
            return;
        }
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return;
        }
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        String key = instance == null ? null : instance.getBusinessKey();
        var decision = key == null ? Optional.<Decision>empty() : decisions.getObject().find(key);
        if (decision.isEmpty()) {
            return; // not a decision's step (the annual catalogue's): its feature decides
        }
        if (named != null ? named.id() != decision.get().id()
                : !access.getObject().maySee(directory.getObject().currentActor(), decision.get())) {
            throw RuleViolation.taskNotFound(taskId);
        }
    }

    private List<ScopedResource> resources() {
        return contributions.orderedStream().flatMap(c -> c.resources().stream()).toList();
    }
}

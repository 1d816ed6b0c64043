package cn.juece.enginerest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;

import cn.juece.support.RuleViolation;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The JAX-RS exception mappers that put {@link EngineRestErrors} in front of Camunda's own. Jersey picks the
 * mapper whose exception type is nearest to the thrown class, and among mappers of the same type the one of
 * the highest priority (lowest {@code @Priority} value; none counts as 5000, Priorities.USER). Camunda
 * registers mappers for Throwable, ProcessEngineException and RestException without a priority: ours are
 * registered for the same types with {@link #PRIORITY}, so they win, and hand everything that is not a
 * refusal back to Camunda's handling.
 */
public final class RefusalMappers {

    static final int PRIORITY = 1000;

    private RefusalMappers() {
    }

    /** Registers the mappers on a Jersey application (ours and the webapps' engine API). */
    public static void registerOn(ResourceConfig config) {
        config.register(ForRuleViolation.class);
        config.register(ForRestException.class);
        config.register(ForProcessEngineException.class);
        config.register(ForThrowable.class);
    }

    abstract static class Base {

        @Context
        private HttpServletRequest request;

        Response map(Throwable e) {
            String method = request == null ? "?" : request.getMethod();
            String path = request == null ? "?" : request.getRequestURI();
            return EngineRestErrors.toResponse(e, method, path);
        }
    }

    /** A refusal thrown as it is (not wrapped by the engine). */
    @Priority(PRIORITY)
    public static class ForRuleViolation extends Base implements ExceptionMapper<RuleViolation> {
        @Override
        public Response toResponse(RuleViolation e) {
            return map(e);
        }
    }

    /** E.g. task complete and submit-form: "Cannot complete task …" (500) around the listener's refusal. */
    @Priority(PRIORITY)
    public static class ForRestException extends Base implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return map(e);
        }
    }

    /** E.g. "ENGINE-03051 There was an exception while invoking the TaskListener" around a refusal. */
    @Priority(PRIORITY)
    public static class ForProcessEngineException extends Base implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return map(e);
        }
    }

    @Priority(PRIORITY)
    public static class ForThrowable extends Base implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return map(e);
        }
    }
}

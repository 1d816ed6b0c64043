package cn.juece.enginerest;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two Jersey applications that serve the engine REST API, each with our refusal mappers
 * ({@link RefusalMappers}):
 * <ul>
 * <li>{@code /engine-rest}: the REST starter creates its {@link CamundaJerseyResourceConfig} only when no bean
 * of that type exists ({@code @ConditionalOnMissingBean}), so ours, a subclass, replaces it;</li>
 * <li>{@code /camunda/api/engine} (what Cockpit, Tasklist and Admin call): a separate Jersey servlet that the
 * webapp starter registers by name ("Engine Api") from the class {@link EngineRestApplication}, and only if no
 * servlet of that name exists yet. We register that servlet first, with the same application plus our mappers.
 * (Were both registered, the servlet container would refuse two servlets on one mapping at start-up.)</li>
 * </ul>
 */
@Configuration
class EngineRestConfig {

    /** The servlet name the webapp starter (CamundaBpmWebappInitializer) gives the webapps' engine API. */
    static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                RefusalMappers.registerOn(this);
            }
        };
    }

    /** Only where the webapps run (the webapp starter's own condition). */
    @Bean
    @ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
    ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
        ResourceConfig application = ResourceConfig.forApplicationClass(EngineRestApplication.class);
        RefusalMappers.registerOn(application);
        var registration = new ServletRegistrationBean<>(new ServletContainer(application),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API_SERVLET);
        // Before the webapp starter's initializer, which has no order (lowest precedence).
        registration.setOrder(0);
        return registration;
    }
}

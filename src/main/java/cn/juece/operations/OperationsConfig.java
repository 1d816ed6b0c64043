package cn.juece.operations;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.audit.AuditTrail;
import cn.juece.identity.Directory;

/** Puts {@link OperatorGate} in front of both engine REST APIs. */
@Configuration
class OperationsConfig {

    /**
     * After Spring Security's filter (order -100: who is signed in, HTTP Basic on /engine-rest) and before the
     * webapps' single sign-on (101) and the engine REST authentication (102), the webapps' own filters
     * (registered by the starter's initializer, last) and Jersey.
     */
    static final int ORDER = 100;

    @Bean
    FilterRegistrationBean<OperatorGate> operatorGate(AffectedRuns runs, RunState states, Directory directory,
                                                      AuditTrail audit, TransactionTemplate tx, ObjectMapper json,
                                                      CamundaBpmProperties camunda) {
        var reg = new FilterRegistrationBean<>(new OperatorGate(runs, states, directory, audit, tx, json));
        reg.setName("juece-operator-gate");
        reg.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        reg.setOrder(ORDER);
        return reg;
    }
}

package cn.juece.ldap;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The directory at start-up (what is configured, mapping entries naming no unit of ours) and on a schedule: everyone
 * the directory lists is written as at sign-in, and those it no longer lists lose the groups it gave them
 * ({@code juece.directory.ldap.sync.*}). So a person moved or removed in the directory loses a role even without
 * signing in again, and a new colleague can be handed a step before their first sign-in.
 */
@Component
@WhenLdapEnabled
@Order(40)
class LdapSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LdapSchedule.class);

    private final LdapProperties properties;
    private final GroupMapping mapping;
    private final LdapSync sync;
    private final boolean enabled;

    LdapSchedule(LdapProperties properties, GroupMapping mapping, LdapSync sync,
                 @Value("${juece.directory.ldap.sync.enabled:true}") boolean enabled) {
        this.properties = properties;
        this.mapping = mapping;
        this.sync = sync;
        this.enabled = enabled;
    }

    /** After the organisation is seeded (its units are what the mapping names). */
    @Override
    public void run(ApplicationArguments args) {
        log.info("LDAP directory {} (base {}): {} group mapping(s); built-in people sign in as before", properties.url(),
                properties.base(), mapping.rules().size());
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            log.error("LDAP: juece.directory.ldap.mapping names units this organisation does not have; those entries are "
                    + "ignored: {}", problems);
        }
    }

    @Scheduled(fixedDelayString = "${juece.directory.ldap.sync.interval:PT1H}",
            initialDelayString = "${juece.directory.ldap.sync.initial-delay:PT5M}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            sync.syncAll();
        } catch (RuntimeException e) {
            log.warn("LDAP: scheduled sync failed: {}", e.toString());
        }
    }
}

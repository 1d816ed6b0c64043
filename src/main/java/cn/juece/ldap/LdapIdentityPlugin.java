package cn.juece.ldap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LdapIdentityProvider} in place of Camunda's database identity provider (the engine's identity provider
 * hook, as Camunda's own LDAP plugin does). Camunda's LDAP plugin itself is not used: it makes the identity service
 * read-only and answers users, groups and memberships from the directory, so our seeded people, Camunda Admin, the
 * group ids the BPMN's candidate groups and the authorizations name ({@code fgj}, {@code fgj-legal}, {@code gx-organ})
 * and juece.person (unit, title, roles) would all have to live in the directory under those very ids.
 */
@Component
@WhenLdapEnabled
class LdapIdentityPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<LdapSignIn> signIn;

    /** Lazily: the sign-in needs the identity service of the engine this plugin configures. */
    LdapIdentityPlugin(ObjectProvider<LdapSignIn> signIn) {
        this.signIn = signIn;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return LdapIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LdapIdentityProvider(signIn::getObject);
            }
        });
    }
}

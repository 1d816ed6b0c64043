package cn.juece.ldap;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own database identity provider, with one change: the password of a directory person (one the directory
 * wrote before, or a user name Camunda does not know) is checked by the directory ({@link LdapSignIn}). Everything
 * else — users, groups, memberships, queries, Camunda Admin — stays the database's, so that the rest of the system has
 * one identity source. Built-in people (config/organisation.yaml, Camunda Admin) are checked as before and never reach
 * the directory: an outage of the directory does not lock out the administrator.
 *
 * <p>{@code IdentityService.checkPassword} is where every sign-in meets: our login page and HTTP Basic on /api and the
 * engine REST (identity.IdentityAuthenticationProvider) and the webapps' own login form.
 */
class LdapIdentityProvider extends DbIdentityServiceProvider {

    private final Supplier<LdapSignIn> signIn;

    LdapIdentityProvider(Supplier<LdapSignIn> signIn) {
        this.signIn = signIn;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null) {
            return false;
        }
        LdapSignIn ldap = signIn.get();
        if (ldap.isDirectoryAccount(userId) || getDbEntityManager().selectById(UserEntity.class, userId) == null) {
            return ldap.signIn(userId, password);
        }
        return super.checkPassword(userId, password);
    }
}

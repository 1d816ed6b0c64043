package cn.juece.ldap;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.juece.identity.SignInNotes;

/**
 * A directory person's password check, as Camunda's identity service runs it ({@link LdapIdentityProvider}): the
 * directory checks the password (a bind as the person), then the person and their groups are written
 * ({@link LdapSync}) in the check's transaction, so that whoever reads Camunda's identity service or juece.person next
 * — Spring Security's authorities, the webapps, Camunda authorizations, our access rules — reads them as the
 * directory has them now. A refusal that is not a wrong password is noted in {@link SignInNotes}.
 */
@Component
@WhenLdapEnabled
class LdapSignIn {

    private static final Logger log = LoggerFactory.getLogger(LdapSignIn.class);

    private final LdapDirectory ldap;
    private final LdapSync sync;
    private final LdapAccounts accounts;

    LdapSignIn(LdapDirectory ldap, LdapSync sync, LdapAccounts accounts) {
        this.ldap = ldap;
        this.sync = sync;
        this.accounts = accounts;
    }

    boolean isDirectoryAccount(String userId) {
        return accounts.exists(userId);
    }

    boolean signIn(String userId, String password) {
        Optional<LdapEntry> entry;
        try {
            entry = ldap.authenticate(userId, password);
        } catch (LdapUnavailableException e) {
            SignInNotes.note(SignInNotes.Outcome.DIRECTORY_UNAVAILABLE);
            return false;
        }
        if (entry.isEmpty()) {
            return false;
        }
        if (!userId.equals(entry.get().id())) {
            // The directory matched another spelling (its user names are case-insensitive); the name signed in must be
            // the directory's own, since it becomes the Camunda user id and the name of every act.
            log.debug("LDAP: '{}' signs in as '{}' only", userId, entry.get().id());
            return false;
        }
        return switch (sync.apply(entry.get())) {
            case ASSIGNED -> true;
            case NO_UNIT -> {
                SignInNotes.note(SignInNotes.Outcome.NO_UNIT);
                yield false;
            }
            case BUILT_IN, INVALID_ID -> false;
        };
    }
}

package cn.juece.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security checks passwords through Camunda's identity service: one identity source for our
 * pages, /api (HTTP Basic), the engine REST API and the webapps. With the LDAP directory on, the identity service
 * itself asks the directory for directory people and writes them and their groups first (cn.juece.ldap); a refusal
 * for another reason than a wrong password is read from {@link SignInNotes}.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInGuard guard;

    IdentityAuthenticationProvider(IdentityService identityService, SignInGuard guard) {
        this.identityService = identityService;
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        // per account, before the password is looked at: a locked account says so even to its correct password
        boolean counted = guard.checkNotLocked(user);
        SignInNotes.take();
        if (!check(user, credentials.toString())) {
            SignInNotes.Outcome why = SignInNotes.take();
            if (why == SignInNotes.Outcome.DIRECTORY_UNAVAILABLE) {
                throw new DirectorySignInException.Unavailable();
            }
            if (why == SignInNotes.Outcome.NO_UNIT) {
                throw new DirectorySignInException.NoUnit();
            }
            guard.failed(user);
            throw new BadCredentialsException("用户名或密码错误");
        }
        if (counted) {
            guard.succeeded(user);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(identityService, user));
    }

    /**
     * The check, once more if it failed in the engine: two first sign-ins of the same directory person at once (parallel
     * HTTP Basic calls) both write the person, and the second write fails; checked again, the person is there.
     */
    private boolean check(String user, String password) {
        try {
            return identityService.checkPassword(user, password);
        } catch (ProcessEngineException concurrentWrite) {
            SignInNotes.take();
            return identityService.checkPassword(user, password);
        }
    }

    static List<GrantedAuthority> authorities(IdentityService identityService, String user) {
        List<GrantedAuthority> result = new ArrayList<>();
        result.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        // remembered for the request: its later Directory.groupsOf reads these
        Directory.groupsOf(identityService, user).forEach(g -> {
            result.add(new SimpleGrantedAuthority("GROUP_" + g));
            if (Groups.ADMIN.equals(g)) {
                result.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
        });
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

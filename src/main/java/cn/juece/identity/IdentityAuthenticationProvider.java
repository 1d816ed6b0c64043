package cn.juece.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security checks passwords through Camunda's identity service: one identity source for our
 * pages, /api (HTTP Basic), the engine REST API and the webapps.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    IdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identityService.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(identityService, user));
    }

    static List<GrantedAuthority> authorities(IdentityService identityService, String user) {
        List<GrantedAuthority> result = new ArrayList<>();
        result.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        identityService.createGroupQuery().groupMember(user).list().forEach(g -> {
            result.add(new SimpleGrantedAuthority("GROUP_" + g.getId()));
            if (Groups.ADMIN.equals(g.getId())) {
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

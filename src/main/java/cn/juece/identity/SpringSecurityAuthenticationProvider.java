package cn.juece.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the person Spring Security signed in to Camunda: used by the webapps' container-based
 * authentication filter (single sign-on) and by the engine REST API's authentication filter, so that
 * Camunda authorizations apply to them. Camunda instantiates it by class name, hence public.
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String user = auth.getName();
        AuthenticationResult result = AuthenticationResult.successful(user);
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).toList();
        List<String> tenants = engine.getIdentityService().createTenantQuery().userMember(user).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        result.setGroups(groups);
        result.setTenants(tenants);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"juece\"");
    }
}

package io.retrobridge.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * API-key security for every HTTP endpoint: stateless (no session, no cookie), so CSRF protection has
 * nothing to protect and is off; no login form, no Basic auth, no default user. The one exception: a browser
 * signed in to the dashboard may read (GET, as a viewer) with its session; see {@link DashboardSessionFilter}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
            ApiAccessPolicy policy, ApiKeyAuthenticationEntryPoint unauthorized, ApiKeyAccessDeniedHandler forbidden,
            ApiKeyRegistry registry, DashboardSessions dashboardSessions) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // The dashboard's session is renewed when it signs in; renewing it on every read would break the
                // page's parallel reads (a key caller has no session either way).
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(apiKeyFilter(provider, policy, unauthorized), AnonymousAuthenticationFilter.class)
                // After the key filter: a key, when sent, decides alone.
                .addFilterBefore(new DashboardSessionFilter(dashboardSessions), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new HealthCallerFilter(policy.healthRequests(), registry), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    // Error pages are rendered for requests that already passed (or were open); securing the
                    // error dispatch again would turn a 404 on an open path into a 401.
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    policy.applyTo(authorize);
                });
        return http.build();
    }

    /**
     * Created here rather than as a bean, so the servlet container does not also register it on its own.
     * Open paths skip it: a webhook sender's own Authorization header must not be mistaken for an API key.
     */
    private static AuthenticationFilter apiKeyFilter(ApiKeyAuthenticationProvider provider, ApiAccessPolicy policy,
            ApiKeyAuthenticationEntryPoint unauthorized) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), new ApiKeyAuthenticationConverter());
        filter.setRequestMatcher(new NegatedRequestMatcher(policy.openRequests()));
        filter.setSuccessHandler((request, response, authentication) -> {
            // Nothing to do: the request continues to its endpoint.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
        return filter;
    }

    /** admin > pipeline > viewer, derived from {@link ApiRole}'s order. */
    @Bean
    static RoleHierarchy apiRoleHierarchy() {
        RoleHierarchyImpl.Builder hierarchy = RoleHierarchyImpl.withDefaultRolePrefix();
        ApiRole[] roles = ApiRole.values();
        for (int i = 0; i + 1 < roles.length; i++) {
            hierarchy.role(roles[i].springRole()).implies(roles[i + 1].springRole());
        }
        return hierarchy.build();
    }
}

package io.retrobridge.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health is open, but its details are for viewers and above: a known key on a health request signs the caller
 * in so the details can be shown. A missing or unknown key is not refused (a probe with a stale key must still
 * see UP or DOWN); the caller simply stays anonymous.
 */
class HealthCallerFilter extends OncePerRequestFilter {

    private final RequestMatcher healthRequests;
    private final ApiKeyRegistry registry;
    private final ApiKeyAuthenticationConverter converter = new ApiKeyAuthenticationConverter();

    HealthCallerFilter(RequestMatcher healthRequests, ApiKeyRegistry registry) {
        this.healthRequests = healthRequests;
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !healthRequests.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKeyAuthenticationToken presented = converter.convert(request);
        if (presented != null) {
            registry.lookup(presented.getCredentials()).ifPresent(principal -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(ApiKeyAuthenticationToken.authenticated(principal));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}

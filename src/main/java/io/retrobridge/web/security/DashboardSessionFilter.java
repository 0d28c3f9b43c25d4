package io.retrobridge.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the dashboard's own reads through: a GET or HEAD without an API key, from a browser signed in to the
 * dashboard, is taken as a viewer's call. A request that carries a key is judged by the key alone, and every
 * other method never looks at the session, so a session cookie cannot be used to write.
 */
final class DashboardSessionFilter extends OncePerRequestFilter {

    private final DashboardSessions sessions;

    DashboardSessionFilter(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null && isRead(request)) {
            sessions.viewer(request).ifPresent(viewer -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(ApiKeyAuthenticationToken.authenticated(viewer));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }
}

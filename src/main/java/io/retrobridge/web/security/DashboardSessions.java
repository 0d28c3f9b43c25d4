package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The dashboard's browser sessions. Signing in checks an API key once and keeps only the caller's name in the
 * server-side session, never the key; the session then reads like a viewer's key, whatever the key's own role,
 * so a browser tab can never write.
 */
@Component
public class DashboardSessions {

    static final String VIEWER_ATTRIBUTE = DashboardSessions.class.getName() + ".VIEWER";

    private static final Logger log = LoggerFactory.getLogger(DashboardSessions.class);

    private final ApiKeyRegistry registry;
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    public DashboardSessions(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    /**
     * Opens a session for the key's caller, or changes nothing when the key is unknown. The session gets a new id
     * and a new CSRF token, so nothing learnt before signing in is worth anything after.
     */
    public Optional<ApiKeyPrincipal> signIn(HttpServletRequest request, HttpServletResponse response, String presentedKey) {
        Optional<ApiKeyPrincipal> caller = registry.lookup(presentedKey == null ? null : presentedKey.strip());
        if (caller.isEmpty()) {
            log.info("Dashboard sign-in refused: the API key is not registered");
            return Optional.empty();
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        session.setAttribute(VIEWER_ATTRIBUTE, caller.get().name());
        log.info("Dashboard sign-in by {}", caller.get().name());
        return Optional.of(asViewer(caller.get().name()));
    }

    /** Ends the session, if there is one. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Who the request's session was opened for, with the viewer role the session grants; empty when signed out. */
    public Optional<ApiKeyPrincipal> viewer(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(VIEWER_ATTRIBUTE) instanceof String name ? Optional.of(asViewer(name)) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    CsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    private static ApiKeyPrincipal asViewer(String name) {
        return new ApiKeyPrincipal(name, ApiRole.VIEWER);
    }
}

package io.retrobridge.web.admin;

import io.retrobridge.domain.AdminAction;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.web.security.ApiKeyPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps every admin action in the audit log once it has been answered: each write under {@code /api/admin/**}
 * and the mapping preview (it reads records in both systems on the caller's behalf), and asking for a change's PIR
 * figures ({@code POST /api/changes/{number}/pir/collect}). Reads of the admin views are
 * not actions and are not kept. Calls refused for a missing or weak key never get here; they are logged by the
 * security layer.
 */
@Component
class AdminAuditRecorder implements HandlerInterceptor {

    /** Longer targets are cut: a query string is the caller's to make up. */
    static final int MAX_TARGET = 500;

    /** @param targetKind what the path's one group names, e.g. {@code dead-letter} */
    private record Named(String method, Pattern path, String action, String targetKind) {
        Named(String method, Pattern path, String action) {
            this(method, path, action, "dead-letter");
        }
    }

    /** The action names people search the log by; any other admin write is kept as "METHOD path". */
    private static final List<Named> ACTIONS = List.of(
            new Named("POST", Pattern.compile("/api/admin/dead-letters/([^/]+)/replay"), "replay"),
            new Named("POST", Pattern.compile("/api/admin/dead-letters/replay"), "bulk-replay"),
            new Named("POST", Pattern.compile("/api/admin/sync/backfill"), "backfill"),
            new Named("POST", Pattern.compile("/api/admin/escalations/scan"), "scan"),
            new Named("POST", Pattern.compile("/api/admin/mappings/reload"), "reload"),
            new Named("POST", Pattern.compile("/api/admin/mappings/validate"), "validate"),
            new Named("GET", Pattern.compile("/api/admin/mappings/preview"), "preview"),
            new Named("POST", Pattern.compile("/api/changes/([^/]+)/pir/collect"), "pir-collect", "change"));

    private static final Logger log = LoggerFactory.getLogger(AdminAuditRecorder.class);

    private final AdminAuditLog audit;
    private final Clock clock;

    AdminAuditRecorder(AdminAuditLog audit, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String action = null;
        String target = null;
        for (Named named : ACTIONS) {
            Matcher match = named.path().matcher(path);
            if (named.method().equals(request.getMethod()) && match.matches()) {
                action = named.action();
                target = match.groupCount() > 0 ? named.targetKind() + " " + match.group(1) : null;
                break;
            }
        }
        if (action == null) {
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                    || "OPTIONS".equals(request.getMethod())) {
                return;
            }
            action = request.getMethod() + " " + path;
        }
        target = join(target, request.getQueryString());
        int status = failure != null && response.getStatus() < 400 ? 500 : response.getStatus();
        try {
            audit.record(AdminAction.of(clock.instant(), caller(), action, cut(target), status, request.getRemoteAddr()));
        } catch (RuntimeException e) {
            // The action itself is done and answered; losing its audit line must be seen, not hidden.
            log.error("Could not keep {} by key '{}' ({}) in the audit log: {}", action, caller(), status, e.toString());
        }
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal principal
                ? principal.name() : "anonymous";
    }

    private static String join(String target, String query) {
        if (query == null || query.isBlank()) {
            return target;
        }
        return target == null ? query : target + " " + query;
    }

    private static String cut(String target) {
        return target == null || target.length() <= MAX_TARGET ? target : target.substring(0, MAX_TARGET) + "...";
    }
}

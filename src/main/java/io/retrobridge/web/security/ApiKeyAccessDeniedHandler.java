package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 for a known key whose role is not enough, naming the role needed and the role held. */
@Component
class ApiKeyAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAccessDeniedHandler.class);

    private final ApiAccessPolicy policy;
    private final SecurityErrorWriter writer;
    private final RefusedCallLog refusals;

    ApiKeyAccessDeniedHandler(ApiAccessPolicy policy, SecurityErrorWriter writer, RefusedCallLog refusals) {
        this.policy = policy;
        this.writer = writer;
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ApiRole required = policy.requiredRole(request).orElse(ApiRole.ADMIN);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        ApiKeyPrincipal principal = caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal known ? known : null;
        String held = principal == null ? "none" : principal.role().settingName();
        log.debug("403 for {} {}: key '{}' has role {}, needs {}", request.getMethod(), request.getRequestURI(),
                principal == null ? "?" : principal.name(), held, required.settingName());
        refusals.forbidden(request, principal, required);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpServletResponse.SC_FORBIDDEN);
        body.put("error", "role " + held + " may not do this: it needs role " + required.settingName());
        body.put("requiredRole", required.settingName());
        body.put("heldRole", held);
        if (principal != null) {
            body.put("keyName", principal.name());
        }
        body.put("hint", "use a key with role " + required.rolesIncludingThis().stream()
                .map(ApiRole::settingName).collect(Collectors.joining(" or ")));
        writer.write(response, HttpServletResponse.SC_FORBIDDEN, body);
    }
}

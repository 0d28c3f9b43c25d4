package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for a request without a key or with a key nobody configured, telling the caller how to send one. */
@Component
class ApiKeyAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationEntryPoint.class);

    private final SecurityErrorWriter writer;
    private final RefusedCallLog refusals;
    private final ApiKeyAuthenticationConverter converter = new ApiKeyAuthenticationConverter();

    ApiKeyAuthenticationEntryPoint(SecurityErrorWriter writer, RefusedCallLog refusals) {
        this.writer = writer;
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        // The reason comes from our own provider or Spring Security and never contains the presented key.
        log.debug("401 for {} {}: {}", request.getMethod(), request.getRequestURI(), reason.getMessage());
        ApiKeyAuthenticationToken presented = converter.convert(request);
        refusals.unauthorized(request, presented == null ? null : presented.getCredentials());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"retrobridge\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        body.put("error", "missing or unknown API key");
        body.put("hint", "send X-API-Key: <key> or Authorization: Bearer <key>");
        writer.write(response, HttpServletResponse.SC_UNAUTHORIZED, body);
    }
}

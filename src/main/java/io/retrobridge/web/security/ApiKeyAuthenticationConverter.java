package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the API key from {@code X-API-Key}, or else from {@code Authorization: Bearer}. {@code X-API-Key}
 * wins so a proxy that adds its own {@code Authorization} header (e.g. Basic) does not hide the key.
 */
class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    @Override
    public ApiKeyAuthenticationToken convert(HttpServletRequest request) {
        String key = strippedOrNull(request.getHeader(API_KEY_HEADER));
        if (key == null) {
            key = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        return key == null ? null : ApiKeyAuthenticationToken.unauthenticated(key);
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return strippedOrNull(authorization.substring(BEARER.length()));
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.retrobridge.web.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key on its way through Spring Security: first the presented key (unauthenticated), then the
 * caller it belongs to (authenticated, with the key dropped).
 */
public final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal principal;
    private String presentedKey;

    private ApiKeyAuthenticationToken(ApiKeyPrincipal principal, String presentedKey) {
        super(principal == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().springRole())));
        this.principal = principal;
        this.presentedKey = presentedKey;
        setAuthenticated(principal != null);
    }

    static ApiKeyAuthenticationToken unauthenticated(String presentedKey) {
        return new ApiKeyAuthenticationToken(null, presentedKey);
    }

    static ApiKeyAuthenticationToken authenticated(ApiKeyPrincipal principal) {
        return new ApiKeyAuthenticationToken(principal, null);
    }

    /** The caller, once authenticated; null before. */
    @Override
    public ApiKeyPrincipal getPrincipal() {
        return principal;
    }

    /** The presented key before authentication; null afterwards. */
    @Override
    public String getCredentials() {
        return presentedKey;
    }

    @Override
    public String getName() {
        return principal == null ? "" : principal.name();
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presentedKey = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyAuthenticationToken token && super.equals(token);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

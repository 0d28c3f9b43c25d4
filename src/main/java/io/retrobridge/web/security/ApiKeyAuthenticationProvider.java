package io.retrobridge.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Accepts an API key the registry knows. Being an {@link AuthenticationProvider} bean also stops Spring
 * Boot from creating its default user with a generated password.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyRegistry registry;

    ApiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presentedKey = (String) authentication.getCredentials();
        return registry.lookup(presentedKey)
                .map(ApiKeyAuthenticationToken::authenticated)
                .orElseThrow(() -> new BadCredentialsException("unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

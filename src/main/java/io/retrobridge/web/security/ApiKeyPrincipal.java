package io.retrobridge.web.security;

/** The caller behind a recognised API key: the key's configured name and its role, never the key itself. */
public record ApiKeyPrincipal(String name, ApiRole role) {
}

package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's accounts and who may call the API: Basic {@code email:apiToken} as Jira Cloud takes it,
 * or a Bearer personal access token as Server/Data Center takes it.
 */
final class JiraAccounts {

    private final Map<String, JiraUser> byAccountId = new ConcurrentHashMap<>();
    private final Map<String, String> accountIdByToken = new ConcurrentHashMap<>();

    void add(JiraUser user) {
        byAccountId.put(user.accountId(), user);
    }

    void addPersonalAccessToken(String token, String accountId) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A personal access token must not be empty");
        }
        if (!byAccountId.containsKey(accountId)) {
            throw new IllegalArgumentException("No Jira user with accountId " + accountId + "; add the user first");
        }
        accountIdByToken.put(token, accountId);
    }

    Optional<JiraUser> byId(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(byAccountId.get(accountId));
    }

    Optional<JiraUser> byEmailOrName(String text) {
        return byAccountId.values().stream()
                .filter(u -> u.email().equalsIgnoreCase(text) || u.displayName().equalsIgnoreCase(text))
                .findFirst();
    }

    /** Users whose e-mail or display name contains the query, case-insensitively, as Jira's user picker finds them. */
    List<JiraUser> search(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        return byAccountId.values().stream()
                .filter(u -> u.email().toLowerCase(Locale.ROOT).contains(needle)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(JiraUser::displayName))
                .toList();
    }

    Optional<JiraUser> identify(SandboxRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return accountIdByToken.entrySet().stream()
                    .filter(e -> same(e.getKey(), token))
                    .findFirst()
                    .flatMap(e -> byId(e.getValue()));
        }
        return Optional.empty();
    }

    private Optional<JiraUser> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String email = decoded.substring(0, colon);
        String token = decoded.substring(colon + 1);
        return byAccountId.values().stream()
                .filter(u -> u.apiToken() != null && u.email().equalsIgnoreCase(email) && same(u.apiToken(), token))
                .findFirst();
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

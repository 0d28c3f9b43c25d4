package io.retrobridge.sandbox.jira;

import static io.retrobridge.sandbox.PresentedCredentials.sameSecret;

import io.retrobridge.sandbox.PresentedCredentials;
import io.retrobridge.sandbox.SandboxRequest;
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
        return PresentedCredentials.of(request).flatMap(this::identify);
    }

    private Optional<JiraUser> identify(PresentedCredentials presented) {
        if (presented instanceof PresentedCredentials.Basic basic) {
            return byAccountId.values().stream()
                    .filter(u -> u.apiToken() != null && u.email().equalsIgnoreCase(basic.user())
                            && sameSecret(u.apiToken(), basic.secret()))
                    .findFirst();
        }
        String token = ((PresentedCredentials.Bearer) presented).token();
        return accountIdByToken.entrySet().stream()
                .filter(e -> sameSecret(e.getKey(), token))
                .findFirst()
                .flatMap(e -> byId(e.getValue()));
    }
}

package io.retrobridge.pipeline.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API as the gate's GitHub App uses it, through the shared outbound sender (paced, retried, behind the
 * {@code github-api} circuit breaker): installation tokens (with the App's JWT), reviews of a run's deployment
 * protection rule (with an installation token), and the App's webhook deliveries (with the App's JWT).
 * <p>
 * An installation token is kept until 5 minutes before it expires, and fetched again once when GitHub refuses it
 * (401). GitHub signals its rate limits with 403 or 429 and {@code retry-after} or {@code x-ratelimit-reset}; both
 * become a rate-limited failure that says how long to wait, so the inbox waits that long instead of parking.
 */
final class GitHubApi {

    static final String SYSTEM = "GitHub-API";
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    /** GitHub's advice for a secondary rate limit that names no time: wait at least a minute. */
    static final Duration SECONDARY_LIMIT_WAIT = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_CURSOR = Pattern.compile("<[^>]*[?&]cursor=([^&>]+)[^>]*>;\\s*rel=\"next\"");

    private final RemoteSystem github;
    private final GitHubAppJwt jwt;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    /** What GitHub made of a review. */
    sealed interface Review {
    }

    /** GitHub took it (204). */
    record Reviewed() implements Review {
    }

    /** GitHub refused it because the run no longer waits for this rule (422), in GitHub's words. */
    record NotWaiting(String message) implements Review {
    }

    /** One delivery of the App's webhook, as GitHub lists it. */
    record Delivery(long id, String guid, Instant deliveredAt, boolean redelivery, int statusCode, String event,
                    String action) {

        boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    /** One page of deliveries, newest first, and the cursor of the next (older) page if there is one. */
    record DeliveryPage(List<Delivery> deliveries, Optional<String> nextCursor) {
    }

    GitHubApi(RemoteSystem github, GitHubAppJwt jwt, Clock clock) {
        this.github = Objects.requireNonNull(github, "github");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    URI baseUrl() {
        return github.baseUrl();
    }

    /**
     * The callback's path below the API base, when the callback is a deployment protection rule review URL on it;
     * empty for anything else, which must never be called with a token.
     */
    Optional<String> callbackPath(String callbackUrl) {
        URI callback;
        try {
            callback = URI.create(callbackUrl);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        URI base = github.baseUrl();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = callback.getRawPath();
        if (!Objects.equals(base.getScheme(), callback.getScheme()) || base.getHost() == null
                || !base.getHost().equalsIgnoreCase(callback.getHost()) || port(base) != port(callback)
                || callback.getRawUserInfo() != null || callback.getRawQuery() != null || path == null
                || !path.startsWith(basePath + "/repos/")) {
            return Optional.empty();
        }
        String relative = path.substring(basePath.length());
        return relative.matches("/repos/[^/]+/[^/]+/actions/runs/[0-9]+/deployment_protection_rule")
                ? Optional.of(relative) : Optional.empty();
    }

    /**
     * Posts a review of a run's deployment protection rule: {@code state} approved or rejected, or null for a status
     * report that leaves the run waiting.
     *
     * @throws RemoteCallException when GitHub did not take it for another reason than the run no longer waiting
     */
    Review review(String callbackPath, long installationId, Long repositoryId, String environmentName, String state,
            String comment) {
        ObjectNode body = JSON.createObjectNode().put("environment_name", environmentName);
        if (state != null) {
            body.put("state", state);
        }
        body.put("comment", comment);
        OutboundRequest request = github(OutboundRequest.post(callbackPath, body.toString()));
        OutboundResponse response = github.exchange(request.withHeader("Authorization",
                "Bearer " + installationToken(installationId, repositoryId)));
        if (response.status() == 401) {
            // Revoked or expired early: one fresh token, then GitHub's word stands.
            tokens.remove(tokenKey(installationId, repositoryId));
            response = github.exchange(request.withHeader("Authorization",
                    "Bearer " + installationToken(installationId, repositoryId)));
        }
        if (response.isSuccess()) {
            return new Reviewed();
        }
        if (response.status() == 422) {
            return new NotWaiting(message(response).orElse("GitHub answered 422 without a message"));
        }
        throw refused(request, response, switch (response.status()) {
            case 404 -> "GitHub answers 404 when the App may not review this run: give the App the repository "
                    + "permissions Deployments (read and write) and Actions (read), accept them on the installation, "
                    + "and install it on the repository";
            case 401 -> "GitHub refused a fresh installation token";
            case 403 -> "the installation may not review deployments of this repository: give the App Deployments "
                    + "(read and write)";
            default -> null;
        });
    }

    /** The newest page of the App's webhook deliveries (or the page at {@code cursor}), up to 100. */
    DeliveryPage deliveries(String cursor) {
        OutboundRequest request = github(OutboundRequest.get("/app/hook/deliveries")).withQuery("per_page", 100)
                .withQuery("cursor", cursor);
        OutboundResponse response = asApp(request);
        if (!response.isSuccess()) {
            throw refused(request, response, response.status() == 401 ? appRefused() : null);
        }
        JsonNode items = read(request, response);
        if (!items.isArray()) {
            throw RemoteCallException.forUnusableAnswer(SYSTEM, request, response.status(), "its body is not a list");
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode item : items) {
            deliveries.add(new Delivery(item.path("id").asLong(), item.path("guid").asText(""),
                    instant(item.path("delivered_at").asText(null)), item.path("redelivery").asBoolean(false),
                    item.path("status_code").asInt(0), item.path("event").asText(""),
                    item.path("action").asText(null)));
        }
        Optional<String> next = response.header("Link").map(NEXT_CURSOR::matcher).filter(Matcher::find)
                .map(match -> match.group(1));
        return new DeliveryPage(deliveries, next);
    }

    /** Asks GitHub to deliver a delivery again (202: it will). */
    void redeliver(long deliveryId) {
        OutboundRequest request = github(OutboundRequest.post("/app/hook/deliveries/" + deliveryId + "/attempts",
                "{}"));
        OutboundResponse response = asApp(request);
        if (!response.isSuccess()) {
            throw refused(request, response, response.status() == 401 ? appRefused() : null);
        }
    }

    /** A token for the installation, kept until 5 minutes before it expires. */
    String installationToken(long installationId, Long repositoryId) {
        String key = tokenKey(installationId, repositoryId);
        Token kept = tokens.get(key);
        if (kept != null && clock.instant().isBefore(kept.expiresAt().minus(TOKEN_MARGIN))) {
            return kept.value();
        }
        Token fresh = fetchToken(installationId, repositoryId);
        tokens.put(key, fresh);
        return fresh.value();
    }

    private Token fetchToken(long installationId, Long repositoryId) {
        // Only what a review needs, and only for the repository asked about (GitHub's own example narrows it so).
        ObjectNode body = JSON.createObjectNode();
        if (repositoryId != null) {
            body.putArray("repository_ids").add(repositoryId);
        }
        body.putObject("permissions").put("deployments", "write");
        // Asking twice for a token changes nothing, so a lost answer is asked again like a read.
        OutboundRequest request = github(OutboundRequest.post("/app/installations/" + installationId
                + "/access_tokens", body.toString())).asReadOnly();
        OutboundResponse response = asApp(request);
        if (!response.isSuccess()) {
            throw refused(request, response, switch (response.status()) {
                case 401 -> appRefused();
                case 404 -> "installation " + installationId + " of the App is gone: it was uninstalled, or belongs "
                        + "to another App than retrobridge.gate-hooks.github.app-id";
                case 422 -> "the installation lacks the Deployments (read and write) permission, or the repository "
                        + "is not one it was installed on";
                default -> null;
            });
        }
        JsonNode answer = read(request, response);
        String token = answer.path("token").asText("");
        Instant expiresAt = instant(answer.path("expires_at").asText(null));
        if (token.isBlank() || expiresAt == null) {
            throw RemoteCallException.forUnusableAnswer(SYSTEM, request, response.status(),
                    "it holds no token with its expires_at");
        }
        return new Token(token, expiresAt);
    }

    private OutboundResponse asApp(OutboundRequest request) {
        return github.exchange(request.withHeader("Authorization", "Bearer " + jwt.token()));
    }

    private String appRefused() {
        return "GitHub refused the App's token: check retrobridge.gate-hooks.github.app-id (" + jwt.appId()
                + ") and that private-key is one of this App's keys, and that this machine's clock is right";
    }

    /** GitHub's own headers: its media type, the API version the calls are written for, and a User-Agent it wants. */
    private static OutboundRequest github(OutboundRequest request) {
        return request.withHeader("Accept", "application/vnd.github+json")
                .withHeader("X-GitHub-Api-Version", "2022-11-28").withHeader("User-Agent", "RetroBridge");
    }

    /**
     * A failure naming GitHub's message and what to do; a rate limit (403 or 429 with a limit header) is a rate
     * limit whatever its status, with the wait GitHub asked for.
     */
    private RemoteCallException refused(OutboundRequest request, OutboundResponse response, String hint) {
        String message = message(response).orElse("");
        Optional<Duration> wait = rateLimitWait(response, clock.instant());
        if (wait.isPresent()) {
            OutboundResponse limited = new OutboundResponse(429,
                    Map.of("Retry-After", List.of(String.valueOf(Math.max(1, wait.get().toSeconds())))), "");
            return RemoteCallException.forResponse(SYSTEM, request, limited, "GitHub's rate limit (answered "
                    + response.status() + ")" + (message.isEmpty() ? "" : ": " + message));
        }
        String reason = String.join(": ", List.of(message, hint == null ? "" : hint).stream()
                .filter(part -> !part.isEmpty()).toList());
        return RemoteCallException.forResponse(SYSTEM, request, response, reason.isEmpty() ? null : reason);
    }

    /**
     * How long GitHub asks us to wait when it answered with a rate limit: {@code retry-after} seconds, else until
     * {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, else a minute for a secondary limit.
     */
    static Optional<Duration> rateLimitWait(OutboundResponse response, Instant now) {
        int status = response.status();
        Optional<String> retryAfter = response.header("retry-after");
        boolean exhausted = response.header("x-ratelimit-remaining").map(String::strip).filter("0"::equals)
                .isPresent();
        if (status != 429 && !(status == 403 && (exhausted || retryAfter.isPresent()))) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip()))));
            } catch (NumberFormatException notSeconds) {
                // An HTTP date, or nonsense: the reset time, or GitHub's minute.
            }
        }
        Optional<Duration> untilReset = response.header("x-ratelimit-reset").flatMap(reset -> {
            try {
                return Optional.of(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip()))));
            } catch (NumberFormatException notEpoch) {
                return Optional.empty();
            }
        }).map(wait -> wait.isNegative() ? Duration.ZERO : wait);
        return exhausted && untilReset.isPresent() ? untilReset : Optional.of(SECONDARY_LIMIT_WAIT);
    }

    private static Optional<String> message(OutboundResponse response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return body == null ? Optional.empty() : Optional.ofNullable(body.path("message").asText(null))
                    .map(String::strip).filter(text -> !text.isEmpty());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static JsonNode read(OutboundRequest request, OutboundResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw RemoteCallException.forUnusableAnswer(SYSTEM, request, response.status(), "its body is not JSON");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String tokenKey(long installationId, Long repositoryId) {
        return installationId + "/" + (repositoryId == null ? "*" : repositoryId);
    }

    @Override
    public String toString() {
        return "GitHubApi[" + github.baseUrl() + " as App " + jwt.appId() + "]";
    }
}

package io.retrobridge.pipeline.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.PlainHttpRule;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import org.springframework.stereotype.Component;

/**
 * Sets an external status check's status on a merge request through GitLab's API
 * ({@code POST /api/v4/projects/:id/merge_requests/:iid/status_check_responses}), over the shared outbound sender
 * (paced, retried on 429 and 5xx, behind GitLab's circuit breaker). GitLab answers 409 when the sha is no longer the
 * merge request's HEAD: that answer is a result, not a failure. Refusals that asking again cannot cure (the token,
 * the user's role, a project the token cannot see) come back with the setting to fix.
 */
@Component
class GitLabStatusChecks {

    /** The status GitLab shows for the check. */
    enum Status {
        PASSED, FAILED, PENDING;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What GitLab did with the status. */
    sealed interface Result {
        /** Set on the merge request. */
        record Set() implements Result {
        }

        /** Refused with 409: the merge request has moved on to another HEAD, which GitLab asks about anew. */
        record ShaMoved(String gitlabSaid) implements Result {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteSystem gitlab;
    private final String token;

    GitLabStatusChecks(GitLabGateHookProperties settings, OutboundSender sender, ConnectionsProperties connections) {
        if (settings.secret().isPresent()) {
            PlainHttpRule.check("retrobridge.gate-hooks.gitlab.base-url", settings.baseUrl(), connections);
        }
        // The token goes in GitLab's own PRIVATE-TOKEN header, set per call, so no Authorization header is sent.
        this.gitlab = new RemoteSystem(new HttpTarget("GitLab", settings.baseUrl(), settings.connectTimeout(),
                settings.readTimeout()), Credentials.none(), sender);
        this.token = settings.token();
    }

    /**
     * @throws RemoteCallException when GitLab could not be reached or answered 429 or 5xx (asked again later)
     * @throws IllegalStateException when GitLab refused for good (401, 403, 404, 4xx other than 409), saying what to fix
     */
    Result set(StatusCheckRequest request, Status status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("sha", request.sha());
        body.put("external_status_check_id", Long.parseLong(request.checkId()));
        body.put("status", status.word());
        OutboundRequest post = OutboundRequest.post("/api/v4/projects/" + OutboundRequest.segment(request.projectId())
                + "/merge_requests/" + OutboundRequest.segment(request.mergeRequestIid())
                + "/status_check_responses", body.toString()).withHeader("PRIVATE-TOKEN", token);
        OutboundResponse response = gitlab.exchange(post);
        if (response.isSuccess()) {
            return new Result.Set();
        }
        String said = message(response);
        RemoteCallException failure = RemoteCallException.forResponse(gitlab.name(), post, response, said);
        String where = "project " + request.projectId() + " merge request !" + request.mergeRequestIid();
        return switch (response.status()) {
            case 409 -> new Result.ShaMoved(said);
            case 401 -> throw new IllegalStateException("GitLab refused the token (401) setting status check "
                    + request.checkId() + " on " + where + ": retrobridge.gate-hooks.gitlab.token is expired, revoked"
                    + " or not a GitLab token; set a valid one", failure);
            case 403 -> throw new IllegalStateException("GitLab forbade setting status check " + request.checkId()
                    + " on " + where + " (403): the user of retrobridge.gate-hooks.gitlab.token needs at least the"
                    + " Developer role on the project and the right to approve the merge request" + also(said),
                    failure);
            // GitLab hides what a token may not see behind 404, so "not found" usually means "no permission".
            case 404 -> throw new IllegalStateException("GitLab answered 404 setting status check " + request.checkId()
                    + " on " + where + ": the user of retrobridge.gate-hooks.gitlab.token cannot see the project or"
                    + " merge request (give it at least the Developer role), or the check was removed, or"
                    + " retrobridge.gate-hooks.gitlab.base-url is not this GitLab" + also(said), failure);
            default -> {
                if (failure.isTransient()) {
                    throw failure;
                }
                throw new IllegalStateException("GitLab refused status " + status.word() + " for status check "
                        + request.checkId() + " on " + where + " (" + response.status() + ")" + also(said), failure);
            }
        };
    }

    /** GitLab's own words: {"message": "..."} (a text or an object of field errors) or {"error": "..."}. */
    private static String message(OutboundResponse response) {
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode said = answer.has("message") ? answer.get("message") : answer.path("error");
            return said.isMissingNode() || said.isNull() ? null : said.isTextual() ? said.asText() : said.toString();
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String also(String said) {
        if (said == null || said.isBlank()) {
            return "";
        }
        String line = said.replaceAll("\\s+", " ").strip();
        return "; GitLab said: " + (line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }

    @Override
    public String toString() {
        return "GitLabStatusChecks[" + gitlab + "]";
    }
}

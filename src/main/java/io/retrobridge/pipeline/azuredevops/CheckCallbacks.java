package io.retrobridge.pipeline.azuredevops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Completes an Azure DevOps check: {@code POST {PlanUrl}{ProjectId}/_apis/distributedtask/hubs/{HubName}/plans/
 * {PlanId}/events?api-version=7.1} with {@code {"name":"TaskCompleted","taskId":...,"jobId":...,"result":...}} and
 * the check's own job token as bearer, over the shared outbound sender (paced, retried on 429 and 5xx, behind Azure
 * DevOps' circuit breaker). The address is checked against the allowed hosts again right before the call. Refusals
 * that asking again cannot cure (an expired token, a run that is gone) come back saying so.
 */
@Component
class CheckCallbacks {

    static final String SYSTEM = "Azure-DevOps";

    /** The check task's result. */
    enum Result {
        SUCCEEDED, FAILED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AzureDevOpsGateHookProperties settings;
    private final CallbackAddresses addresses;
    private final OutboundSender sender;

    CheckCallbacks(AzureDevOpsGateHookProperties settings, CallbackAddresses addresses, OutboundSender sender) {
        this.settings = settings;
        this.addresses = addresses;
        this.sender = sender;
    }

    /**
     * @param token the check's job token, opened just for this call
     * @throws RemoteCallException   when Azure DevOps could not be reached or answered 429 or 5xx (sent again later)
     * @throws IllegalStateException when the address is not allowed or Azure DevOps refused for good, saying why
     */
    void complete(CheckRequest check, String token, Result result) {
        String task = "check task " + check.taskInstanceId() + " of plan " + check.planId();
        Optional<String> refused = addresses.refusal(check.planUrl());
        if (refused.isPresent()) {
            throw new IllegalStateException("Not calling back " + task + ": " + refused.get());
        }
        RemoteSystem azureDevOps = new RemoteSystem(new HttpTarget(SYSTEM, URI.create(check.planUrl()),
                settings.connectTimeout(), settings.readTimeout()), Credentials.bearer(token, "job token"), sender);
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "TaskCompleted");
        body.put("taskId", check.taskInstanceId());
        body.put("jobId", check.jobId());
        body.put("result", result.word());
        OutboundRequest post = OutboundRequest.post("/" + OutboundRequest.segment(check.projectId())
                + "/_apis/distributedtask/hubs/" + OutboundRequest.segment(check.hubName()) + "/plans/"
                + OutboundRequest.segment(check.planId()) + "/events", body.toString())
                .withQuery("api-version", "7.1");
        OutboundResponse response = azureDevOps.exchange(post);
        if (response.isSuccess()) {
            return;
        }
        RemoteCallException failure = RemoteCallException.forResponse(SYSTEM, post, response);
        switch (response.status()) {
            case 401 -> throw new IllegalStateException("Azure DevOps refused the job token (401) completing " + task
                    + " as " + result.word() + ": the AuthToken the check sent is valid for 48 hours from the check's"
                    + " start and has expired or was revoked, so this answer cannot be sent; the check ends on its own"
                    + " timeout in Azure DevOps (re-run the stage to ask again)", failure);
            case 403 -> throw new IllegalStateException("Azure DevOps forbade completing " + task + " (403): the"
                    + " pipeline's build identity may not post events to this plan", failure);
            case 404 -> throw new IllegalStateException("Azure DevOps has no " + task + " any more (404): the check"
                    + " timed out, or its run was cancelled or deleted, before the answer was sent", failure);
            default -> {
                if (failure.isTransient()) {
                    throw failure;
                }
                throw new IllegalStateException("Azure DevOps refused completing " + task + " as " + result.word()
                        + " (" + response.status() + ")", failure);
            }
        }
    }
}

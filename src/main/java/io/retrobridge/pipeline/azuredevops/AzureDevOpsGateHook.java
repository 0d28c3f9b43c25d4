package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.sync.GateHookSource;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The gate as an Azure DevOps "Invoke REST API" check in callback mode, {@code POST /api/gates/hooks/azure-devops
 * ?gate=<gate>}: proven by the generic service connection's basic authentication (any user name, the shared secret
 * as password). The check's default headers say where and for which task to call back (PlanUrl, ProjectId, HubName,
 * PlanId, JobId, TimelineId, TaskInstanceId) and with which job token (AuthToken); the body the admin configures
 * names the release (application, version, environment, commitSha, changeNumber). A PlanUrl whose host is not
 * allowed is refused, and the token is kept only sealed. {@link AzureDevOpsGateHandler} asks the gate and calls back.
 */
@Component
class AzureDevOpsGateHook implements GateHookSource {

    /** The check's default headers, in the order Azure DevOps lists them. */
    static final List<String> HEADERS = List.of("PlanUrl", "ProjectId", "HubName", "PlanId", "JobId", "TimelineId",
            "TaskInstanceId", "AuthToken");
    private static final List<String> IDS = List.of("ProjectId", "PlanId", "JobId", "TimelineId", "TaskInstanceId");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");
    private static final Pattern HUB = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final int MAX_TOKEN = 8192;

    private final AzureDevOpsGateHookProperties settings;
    private final CallbackAddresses addresses;
    private final JobTokenSeal seal;

    AzureDevOpsGateHook(AzureDevOpsGateHookProperties settings, CallbackAddresses addresses, JobTokenSeal seal) {
        this.settings = settings;
        this.addresses = addresses;
        this.seal = seal;
    }

    @Override
    public String caller() {
        return "azure-devops";
    }

    @Override
    public ExternalSystem system() {
        return AzureDevOpsDeploymentReader.AZURE_DEVOPS;
    }

    @Override
    public String name() {
        return "azure-devops";
    }

    @Override
    public String signatureHeader() {
        return "Authorization";
    }

    @Override
    public Proof proof() {
        return Proof.BASIC_AUTH;
    }

    @Override
    public String secretSetting() {
        return "retrobridge.gate-hooks.azure-devops.secret";
    }

    @Override
    public Optional<String> secret() {
        return settings.sharedSecret();
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers, String gate) throws InvalidWebhookException {
        Map<String, String> sent = checkHeaders(headers);
        Optional<String> refused = addresses.refusal(sent.get("PlanUrl"));
        if (refused.isPresent()) {
            throw new InvalidWebhookException(refused.get() + "; nothing was stored.", CheckRequest.KIND);
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidWebhookException("The body is empty: set the check's Body to the release, e.g."
                    + " {\"application\": \"payment-gateway\", \"version\": \"$(Build.BuildNumber)\", \"environment\":"
                    + " \"production\"}.", CheckRequest.KIND);
        }
        Payload release = Payload.of(body, CheckRequest.KIND);
        String application = release.identifier("application", "the check's body names the application released, as"
                + " its deployments are recorded, e.g. {\"application\": \"payment-gateway\", ...}.");
        String environment = release.identifier("environment", "the check's body names where the release goes, e.g."
                + " {\"environment\": \"production\", ...}.");
        String sealedToken = seal.seal(sent.get("AuthToken"), CheckRequest.sealedFor(sent.get("PlanId"),
                sent.get("JobId"), sent.get("TaskInstanceId")));
        CheckRequest request = new CheckRequest(gate, sent.get("PlanUrl"), sent.get("ProjectId"), sent.get("HubName"),
                sent.get("PlanId"), sent.get("JobId"), sent.get("TimelineId"), sent.get("TaskInstanceId"), sealedToken,
                application, release.text("version").orElse(null), environment,
                release.text("commitSha").orElse(null), release.text("changeNumber").orElse(null), 1);
        return new WebhookNotice.Change(CheckRequest.KIND, request.entityId(), request.dedupKey(), request.json());
    }

    /** The default headers, each present and well formed; refused naming every one that is not. */
    private static Map<String, String> checkHeaders(Map<String, String> headers) throws InvalidWebhookException {
        Map<String, String> sent = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : HEADERS) {
            String value = headers.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            } else {
                sent.put(name, value.strip());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidWebhookException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing: an Invoke REST API check sends " + String.join(", ", HEADERS) + " in its headers"
                    + " by default (PlanUrl: $(system.CollectionUri), AuthToken: $(system.AccessToken), ...); put"
                    + " them back in the check's headers.", CheckRequest.KIND);
        }
        for (String id : IDS) {
            if (!GUID.matcher(sent.get(id)).matches()) {
                throw new InvalidWebhookException(id + " " + quote(sent.get(id)) + " is not an Azure DevOps id (a GUID"
                        + " such as 3a7e60dc-c5b0-5009-86eb-0f217c12e2ea).", CheckRequest.KIND);
            }
        }
        if (!HUB.matcher(sent.get("HubName")).matches()) {
            throw new InvalidWebhookException("HubName " + quote(sent.get("HubName")) + " is not a hub name (build,"
                    + " rm, checks).", CheckRequest.KIND);
        }
        String token = sent.get("AuthToken");
        if (token.length() > MAX_TOKEN || token.chars().anyMatch(c -> c <= ' ')) {
            // Never quoted: it is a credential, whatever shape it has.
            throw new InvalidWebhookException("AuthToken is not a job token (one word, at most " + MAX_TOKEN
                    + " characters); send $(system.AccessToken).", CheckRequest.KIND);
        }
        return sent;
    }
}

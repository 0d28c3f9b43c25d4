package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.GateHookSource;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The gate as a GitLab external status check, {@code POST /api/gates/hooks/gitlab?gate=<gate>}: GitLab posts the
 * merge request webhook payload with {@code external_approval_rule} added, signed with the check's shared secret
 * ({@code X-Gitlab-Signature}, the bare hex HMAC-SHA256 of the body). Each request is kept once per merge request
 * HEAD and check; {@link GitLabGateHandler} asks the gate and sets the check's status.
 */
@Component
class GitLabGateHook implements GateHookSource {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    /** Where a merge request names the change it belongs to. */
    private static final String CHANGE_FIELDS = "object_attributes.title,object_attributes.source_branch,"
            + "object_attributes.description";

    private final GitLabGateHookProperties settings;
    private final Pattern changeNumbers;

    GitLabGateHook(GitLabGateHookProperties settings, PipelineProperties pipeline) {
        this.settings = settings;
        this.changeNumbers = pipeline.changeNumbers();
    }

    @Override
    public String caller() {
        return "gitlab";
    }

    @Override
    public ExternalSystem system() {
        return GitLabDeploymentReader.GITLAB;
    }

    @Override
    public String signatureHeader() {
        return "X-Gitlab-Signature";
    }

    @Override
    public Proof proof() {
        return Proof.HMAC_SHA256_HEX;
    }

    @Override
    public String secretSetting() {
        return "retrobridge.gate-hooks.gitlab.shared-secret";
    }

    @Override
    public Optional<String> secret() {
        return settings.secret();
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers, String gate) throws InvalidWebhookException {
        Payload payload = Payload.of(body, StatusCheckRequest.KIND);
        String checkId = number(payload, "external_approval_rule.id", "an external status check request names the"
                + " check it comes from there; the answer is set for that check.");
        String iid = number(payload, "object_attributes.iid", "the merge request's number in its project; the answer"
                + " is set on it.");
        String sha = payload.identifier("object_attributes.last_commit.id", "the merge request's HEAD commit; GitLab"
                + " takes an answer for that commit only.").toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(sha).matches()) {
            throw payload.invalid("object_attributes.last_commit.id " + quote(sha) + " is not a full commit sha (40"
                    + " or 64 hexadecimal digits).");
        }
        String projectId = number(payload, "project.id", "the project the merge request is in; the answer is set"
                + " there.");
        StatusCheckRequest request = new StatusCheckRequest(gate, projectId, iid, sha, checkId,
                payload.text("external_approval_rule.name").orElse("status check " + checkId),
                GitLabDeploymentReader.application(payload),
                payload.firstMatch(changeNumbers, CHANGE_FIELDS).orElse(null),
                payload.text("user.username").map(user -> "gitlab:" + user).orElse("gitlab"), 1);
        return new WebhookNotice.Change(StatusCheckRequest.KIND, request.entityId(), request.dedupKey(),
                request.json());
    }

    private static String number(Payload payload, String path, String why) throws InvalidWebhookException {
        String value = payload.identifier(path, why);
        if (!NUMBER.matcher(value).matches()) {
            throw payload.invalid(path + " " + quote(value) + " is not a GitLab id (a whole number).");
        }
        return value;
    }
}

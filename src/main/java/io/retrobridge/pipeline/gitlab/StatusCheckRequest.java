package io.retrobridge.pipeline.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import io.retrobridge.sync.DedupKeys;

/**
 * What the inbox keeps of one GitLab external status check request: the merge request's HEAD and the check to
 * answer, the gate and release asked about, and how many times it has been asked. The rest of GitLab's merge request
 * payload (descriptions, people, e-mail addresses) is not kept.
 *
 * @param gate            the gate named in the hook URL, or the default
 * @param projectId       GitLab's numeric project id
 * @param mergeRequestIid the merge request's number in its project
 * @param sha             the merge request's HEAD when GitLab asked; GitLab takes an answer for this commit only
 * @param checkId         the external status check's id
 * @param checkName       the status check's name, for messages
 * @param application     the project's path, as its deployments are recorded
 * @param changeNumber    a change number named in the merge request, or null
 * @param requester       who or what made GitLab ask (the user's name), for the audit log
 * @param ask             1 for the first time the gate is asked about this request, 2 for the next, ...
 * @param recheck         0 until the gate denies; then 1 for the first time it is asked again after the denial, ...
 * @param deniedAt        when the gate first denied this HEAD; null until it does
 */
record StatusCheckRequest(String gate, String projectId, String mergeRequestIid, String sha, String checkId,
                          String checkName, String application, String changeNumber, String requester, int ask,
                          int recheck, Instant deniedAt) {

    StatusCheckRequest(String gate, String projectId, String mergeRequestIid, String sha, String checkId,
            String checkName, String application, String changeNumber, String requester, int ask) {
        this(gate, projectId, mergeRequestIid, sha, checkId, checkName, application, changeNumber, requester, ask, 0,
                null);
    }

    static final String KIND = "gitlab:status-check";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Every request for one check of one HEAD is one event, however often GitLab sends it. */
    String dedupKey() {
        return DedupKeys.of(KIND, projectId, mergeRequestIid, sha, checkId);
    }

    /** Asks about one merge request's HEAD come one after the other. */
    String entityId() {
        return projectId + "!" + mergeRequestIid + "@" + sha + "#" + checkId;
    }

    /**
     * The gate keeps its decided answer under this, so asking again gives the same answer; each re-check after a
     * denial is a question of its own, so the gate decides it afresh.
     */
    String requestKey() {
        return "gitlab:" + projectId + ":" + mergeRequestIid + ":" + sha + ":" + checkId
                + (recheck == 0 ? "" : "#recheck-" + recheck);
    }

    /** The same request, asked once more. */
    StatusCheckRequest next() {
        return new StatusCheckRequest(gate, projectId, mergeRequestIid, sha, checkId, checkName, application,
                changeNumber, requester, ask + 1, recheck, deniedAt);
    }

    /** The same request, asked again after the gate denied it (first at {@code deniedAt}). */
    StatusCheckRequest recheckAfterDenial(Instant firstDenied) {
        return new StatusCheckRequest(gate, projectId, mergeRequestIid, sha, checkId, checkName, application,
                changeNumber, requester, ask + 1, recheck + 1, deniedAt == null ? firstDenied : deniedAt);
    }

    String shortSha() {
        return sha.substring(0, Math.min(12, sha.length()));
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status check request could not be written as JSON", e);
        }
    }

    static StatusCheckRequest read(String json) {
        try {
            return JSON.readValue(json, StatusCheckRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored status check request is not readable ("
                    + e.getOriginalMessage() + ")", e);
        }
    }
}

package io.retrobridge.pipeline.azuredevops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.sync.DedupKeys;

/**
 * What the inbox keeps of one Azure DevOps check delivery: where and for which task to call back, the job token
 * sealed, the release the admin's body names, and how many times the gate has been asked. The token itself is never
 * kept in clear.
 *
 * @param gate           the gate named in the hook URL, or the default
 * @param planUrl        the organisation's address, $(system.CollectionUri), e.g. https://dev.azure.com/fabrikam/
 * @param projectId      the project's id
 * @param hubName        the hub of the plan, e.g. checks
 * @param planId         the plan's id
 * @param jobId          the job's id
 * @param timelineId     the timeline's id
 * @param taskInstanceId the check task's id; the answer completes this task
 * @param sealedToken    the job token, sealed by {@link JobTokenSeal} for this check
 * @param application    the application released, as its deployments are recorded
 * @param version        the version released, or null
 * @param environment    where it is released
 * @param commitSha      the commit released, or null
 * @param changeNumber   the change request covering it, or null
 * @param ask            1 for the first time the gate is asked about this check, 2 for the next, ...
 */
record CheckRequest(String gate, String planUrl, String projectId, String hubName, String planId, String jobId,
                    String timelineId, String taskInstanceId, String sealedToken, String application, String version,
                    String environment, String commitSha, String changeNumber, int ask) {

    static final String KIND = "azure-devops:check";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every delivery for one check task is one event. */
    String dedupKey() {
        return DedupKeys.of(KIND, planId, jobId, taskInstanceId);
    }

    String entityId() {
        return "plan-" + planId + "/task-" + taskInstanceId;
    }

    /** The gate keeps its decided answer under this, so asking again gives the same answer. */
    String requestKey() {
        return "azure-devops:" + planId + ":" + jobId + ":" + taskInstanceId;
    }

    /** What the sealed token is bound to. */
    String sealedFor() {
        return sealedFor(planId, jobId, taskInstanceId);
    }

    /** What the job token of one check task is sealed for. */
    static String sealedFor(String planId, String jobId, String taskInstanceId) {
        return KIND + ":" + planId + ":" + jobId + ":" + taskInstanceId;
    }

    CheckRequest next() {
        return new CheckRequest(gate, planUrl, projectId, hubName, planId, jobId, timelineId, taskInstanceId,
                sealedToken, application, version, environment, commitSha, changeNumber, ask + 1);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check request could not be written as JSON", e);
        }
    }

    static CheckRequest read(String json) {
        try {
            return JSON.readValue(json, CheckRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored check request is not readable (" + e.getOriginalMessage()
                    + ")", e);
        }
    }

    /** The token stays out of logs and messages, whoever prints this. */
    @Override
    public String toString() {
        return "CheckRequest[plan " + planId + ", job " + jobId + ", task " + taskInstanceId + ", " + application
                + " to " + environment + ", ask " + ask + "]";
    }
}

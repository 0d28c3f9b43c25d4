package io.retrobridge.insight.pir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;
import java.time.Instant;
import java.util.Objects;

/**
 * One release whose PIR figures are to be collected, as the payload of a {@code pir:collect} inbox event.
 *
 * @param key          the release: {@code change:<number>}, else {@code <application>@<environment>@<version>}
 * @param changeNumber the change, when the release has one
 * @param application  the deployed application; null when only the change is known
 * @param environment  the environment deployed to; null when only the change is known
 * @param version      the deployed version; null when only the change is known
 * @param moment       when the release was deployed as known when it was queued (deployment or change end); null
 *                     when not known then (a collection asked for through the API)
 * @param why          what queued it, in words for the summary's outcome
 * @param firstAttempt when the first attempt to collect ran; null until one did (retries count from it)
 * @param attempt      1 for the first attempt, one more for every retry
 */
public record PirRequest(String key, String changeNumber, String application, String environment, String version,
                         Instant moment, String why, Instant firstAttempt, int attempt) {

    /** The kind of the inbox event that collects a release's PIR figures. */
    public static final String KIND = "pir:collect";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public PirRequest {
        Objects.requireNonNull(key, "key");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1 but was " + attempt);
        }
    }

    public static String keyOf(String changeNumber) {
        return "change:" + changeNumber;
    }

    /** The key of a deployment's release: its change when it names one, else application, environment, version. */
    public static String keyOf(Deployment deployment) {
        return deployment.change().map(PirRequest::keyOf).orElseGet(() -> deployment.application() + "@"
                + deployment.environment() + "@" + deployment.version());
    }

    static PirRequest of(ChangeRecord change, Instant moment, String why) {
        return new PirRequest(keyOf(change.number()), change.number(), null, null, null, moment, why, null, 1);
    }

    /** A change's figures asked for now (through the API): the moment is found when they are collected. */
    public static PirRequest asked(String changeNumber, String why) {
        return new PirRequest(keyOf(changeNumber), changeNumber, null, null, null, null, why, null, 1);
    }

    static PirRequest of(Deployment deployment, String why) {
        return new PirRequest(keyOf(deployment), deployment.changeNumber(), deployment.application(),
                deployment.environment(), deployment.version(), deployment.finishedAt(), why, null, 1);
    }

    /** The same release asked for again after an attempt that began at {@code firstAttempt} (or this one's). */
    PirRequest retried(Instant attemptedAt) {
        return new PirRequest(key, changeNumber, application, environment, version, moment, why,
                firstAttempt == null ? attemptedAt : firstAttempt, attempt + 1);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a PIR request could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the payload is not a PIR request */
    static PirRequest fromJson(String payload) {
        try {
            return JSON.readValue(payload, PirRequest.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("the event's payload is not a PIR request: " + e.getMessage(), e);
        }
    }
}

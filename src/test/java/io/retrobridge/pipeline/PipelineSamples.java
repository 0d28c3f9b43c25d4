package io.retrobridge.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** The real CI/CD deliveries in ../shared/reference/pipeline/, as stored events and as bodies to change. */
public final class PipelineSamples {

    public static final Instant RECEIVED_AT = Instant.parse("2026-03-02T09:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineSamples() {
    }

    /** The sample's bytes, e.g. {@code github/deployment_status.payload.json}. */
    public static byte[] bytes(String sample) {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"), "pipeline");
        try {
            return Files.readAllBytes(dir.resolve(sample));
        } catch (IOException e) {
            throw new UncheckedIOException("reference sample " + sample + " is missing", e);
        }
    }

    public static String text(String sample) {
        return new String(bytes(sample), StandardCharsets.UTF_8);
    }

    /** The sample with a change made to it, for the cases no public sample shows. */
    public static String changed(String sample, Consumer<ObjectNode> change) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(bytes(sample));
            change.accept(body);
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored event of {@code kind} whose payload is {@code body}, received at {@link #RECEIVED_AT}. */
    public static InboundEvent event(String system, String kind, String body) {
        return InboundEvent.received(ExternalSystem.valueOf(system), kind, "app@env", kind + ":1", RECEIVED_AT, body);
    }

    /** Settings with every default, and the secrets given. */
    public static PipelineProperties defaults() {
        return new PipelineProperties(null, null, null, null, null, null);
    }
}

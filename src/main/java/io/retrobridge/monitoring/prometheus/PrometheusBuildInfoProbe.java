package io.retrobridge.monitoring.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import java.util.Optional;

/**
 * {@code GET /api/v1/status/buildinfo}: cheap, behind the same authentication as the queries, and answered only by
 * a server speaking Prometheus's API, so it proves both that we are let in and that the URL is right.
 */
final class PrometheusBuildInfoProbe implements ConnectionCheck.Probe {

    static final String PATH = "/api/v1/status/buildinfo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String principal;

    PrometheusBuildInfoProbe(String principal) {
        this.principal = principal;
    }

    @Override
    public OutboundRequest request() {
        return OutboundRequest.get(PATH);
    }

    @Override
    public Optional<String> identity(OutboundResponse response) {
        try {
            JsonNode root = JSON.readTree(response.body());
            if (root == null || !"success".equals(root.path("status").asText())) {
                return Optional.empty();
            }
            String version = root.path("data").path("version").asText("");
            return Optional.of(version.isEmpty() ? principal : principal + " (Prometheus " + version + ")");
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }
}

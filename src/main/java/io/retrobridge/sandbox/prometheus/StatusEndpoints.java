package io.retrobridge.sandbox.prometheus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.Map;

/** The readiness probe and the build information, which clients read to check they reach a Prometheus at all. */
final class StatusEndpoints {

    /** The Prometheus release whose answers the simulator copies. */
    static final String VERSION = "3.7.3";

    private StatusEndpoints() {
    }

    static void register(SandboxHttpServer server) {
        server.route("GET", "/-/ready", request -> new SandboxResponse(200,
                Map.of("Content-Type", "text/plain; charset=utf-8"), "Prometheus Server is Ready.\n"));
        server.route("GET", "/api/v1/status/buildinfo", request -> {
            ObjectNode body = SandboxJson.object().put("status", "success");
            body.putObject("data").put("version", VERSION).put("revision", "0a41f0000705c69ab8e0f9a723fc73e39ed62b07")
                    .put("branch", "HEAD").put("buildUser", "retrobridge@sandbox").put("buildDate", "20251030-07:26:10")
                    .put("goVersion", "go1.25.3");
            return SandboxResponse.json(200, body);
        });
    }
}

package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import java.util.Optional;

/**
 * {@code GET /api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id&sysparm_query=user_name=<user>}:
 * one tiny Table API read that proves the instance accepts our credentials. The configured user name
 * goes into an encoded query, so a name holding {@code ^}, {@code =} or a line break is refused rather
 * than sent: it would change what the query means.
 */
final class ServiceNowUserProbe implements ConnectionCheck.Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String userName;
    private final String principal;

    /** @param userName the configured user, or null with OAuth client credentials */
    ServiceNowUserProbe(String userName, String principal) {
        this.userName = userName == null || userName.isBlank() ? null : userName;
        this.principal = principal;
    }

    @Override
    public OutboundRequest request() {
        OutboundRequest request = OutboundRequest.get("/api/now/table/sys_user")
                .withQuery("sysparm_limit", 1)
                .withQuery("sysparm_fields", "sys_id");
        return userName == null ? request : request.withQuery("sysparm_query", userNameEquals(userName));
    }

    /** {@code user_name=<name>}, refused when the name could break out of its place in the query. */
    static String userNameEquals(String name) {
        if (name.contains("^") || name.contains("=") || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("retrobridge.servicenow.username holds ^, = or a line break, which "
                    + "cannot be put safely into a ServiceNow query; set it to the plain user name (user_name of "
                    + "the sys_user record)");
        }
        return "user_name=" + name;
    }

    @Override
    public Optional<String> identity(OutboundResponse response) {
        try {
            JsonNode result = JSON.readTree(response.body()).get("result");
            return result != null && result.isArray() ? Optional.of(principal) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }
}

package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import java.util.Optional;

/**
 * {@code GET {restPrefix}/myself}: the cheapest call that proves Jira accepts our credentials, and
 * says whom it took us for (Cloud: displayName + emailAddress; Server/DC: displayName + name).
 */
final class JiraMyselfProbe implements ConnectionCheck.Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String restPrefix;

    JiraMyselfProbe(String restPrefix) {
        this.restPrefix = restPrefix;
    }

    @Override
    public OutboundRequest request() {
        return OutboundRequest.get(restPrefix + "/myself");
    }

    @Override
    public Optional<String> identity(OutboundResponse response) {
        JsonNode user;
        try {
            user = JSON.readTree(response.body());
        } catch (Exception notJson) {
            return Optional.empty();
        }
        if (user == null || !user.isObject()) {
            return Optional.empty();
        }
        String displayName = text(user, "displayName");
        String login = firstText(user, "emailAddress", "name", "accountId");
        if (displayName == null && login == null) {
            return Optional.empty();
        }
        if (displayName == null || login == null || displayName.equals(login)) {
            return Optional.of(displayName != null ? displayName : login);
        }
        return Optional.of(displayName + " (" + login + ")");
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}

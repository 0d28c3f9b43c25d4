package io.retrobridge.servicenow;

import static io.retrobridge.sync.InvalidWebhookException.quote;
import static io.retrobridge.transport.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import io.retrobridge.transport.WebhookJson;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Deliveries from the RetroBridge business rule on ServiceNow ({@code X-RetroBridge-Signature: sha256=<hex>},
 * body {@code {table, sys_id, operation, sys_updated_on, sys_mod_count, record}}). Kind is
 * {@code servicenow:<table>:<operation>}; the entity is the sys_id. A notice with {@code "operation": "delete"}
 * (sent by the rule's after-delete run) is stored as {@code servicenow:<table>:delete}: the only proof of a deletion
 * the sync acts on, since a 404 on reading may just be an ACL hiding the record.
 */
@Component
class ServiceNowWebhookSource implements WebhookSource {

    static final Set<String> CHANGE_OPERATIONS = Set.of("insert", "update", "delete");

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,79}");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern OPERATION = Pattern.compile("[a-z_]{1,30}");
    private static final Pattern MOD_COUNT = Pattern.compile("[0-9]{1,18}");

    private final ServiceNowProperties settings;

    ServiceNowWebhookSource(ServiceNowProperties settings) {
        this.settings = settings;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    @Override
    public String signatureHeader() {
        return "X-RetroBridge-Signature";
    }

    @Override
    public String secretSetting() {
        return "retrobridge.servicenow.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return Optional.ofNullable(settings.webhookSecret()).filter(secret -> !secret.isBlank());
    }

    @Override
    public WebhookNotice read(byte[] delivery, Map<String, String> headers) throws InvalidWebhookException {
        JsonNode body = WebhookJson.object(delivery);
        String table = required(body, "table", "the table the record is in, e.g. problem_task");
        if (!TABLE.matcher(table).matches()) {
            throw new InvalidWebhookException("table " + quote(table) + " is not a ServiceNow table name"
                    + " (lower-case letters, digits and '_', at most 80, e.g. problem_task).");
        }
        String operation = required(body, "operation", "insert, update or delete");
        if (!OPERATION.matcher(operation).matches()) {
            throw new InvalidWebhookException("operation " + quote(operation)
                    + " is not a business rule operation (insert, update or delete).");
        }
        String kind = "servicenow:" + table + ":" + operation;
        if (!CHANGE_OPERATIONS.contains(operation)) {
            return new WebhookNotice.Ignored(kind, "only insert, update and delete change a record; " + operation
                    + " notifications can be switched off in the business rule.");
        }
        String sysId = required(body, "sys_id", "the record's 32-character sys_id");
        if (!SYS_ID.matcher(sysId).matches()) {
            throw new InvalidWebhookException("sys_id " + quote(sysId) + " is not a ServiceNow sys_id"
                    + " (32 hexadecimal characters).", kind);
        }
        String modCount = required(body, "sys_mod_count", "how often the record was updated, e.g. 3");
        if (!MOD_COUNT.matcher(modCount).matches()) {
            throw new InvalidWebhookException("sys_mod_count " + quote(modCount)
                    + " is not a count (a whole number, 0 or more).", kind);
        }
        JsonNode record = body.get("record");
        if (record != null && !record.isNull() && !record.isObject()) {
            throw new InvalidWebhookException("record must be a JSON object of the record's field values.", kind);
        }
        String normalisedSysId = sysId.toLowerCase(Locale.ROOT);
        // The operation is part of the key: a delete does not raise sys_mod_count, so without it a delete would
        // look like a redelivery of the record's last update.
        return new WebhookNotice.Change(kind, normalisedSysId,
                DedupKeys.of("servicenow", table, normalisedSysId, modCount, operation));
    }

    private static String required(JsonNode body, String field, String what) throws InvalidWebhookException {
        return text(body, field).orElseThrow(() -> new InvalidWebhookException(
                field + " is missing: the business rule must send " + what + "."));
    }
}

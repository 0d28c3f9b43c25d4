package io.retrobridge.mapping.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.retrobridge.mapping.MappingFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What an editor underlines in the comments section of change-records.yaml, as the parser refuses it. */
class ChangeRecordCommentsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<ValidationMessage> errors(String yaml) throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(
                "schema/change-records.schema.json")));
        JsonNode document = JSON.valueToTree(new Yaml().load(yaml));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(document);
    }

    private static String shippedWith(String from, String to) throws IOException {
        String shipped = Files.readString(MappingFiles.SHIPPED_DIR.resolve(ChangeRecordsMapping.FILE_NAME));
        assertThat(shipped).contains(from);
        return shipped.replace(from, to);
    }

    @Test
    void oneWayValuesPassAndTheOtherDirectionIsUnderlined() throws IOException {
        assertThat(errors(shippedWith("  direction: jira->servicenow", "  direction: none"))).isEmpty();
        assertThat(errors(shippedWith("\n  servicenow: work_notes", "\n  servicenow: comments\n  text: plain"))).isEmpty();

        assertThat(errors(shippedWith("  direction: jira->servicenow", "  direction: servicenow->jira")))
                .anyMatch(m -> m.getMessage().contains("direction"));
        assertThat(errors(shippedWith("  direction: jira->servicenow", "  direction: both")))
                .anyMatch(m -> m.getMessage().contains("direction"));
        assertThat(errors(shippedWith("\n  servicenow: work_notes", "\n  servicenow: worknotes")))
                .anyMatch(m -> m.getMessage().contains("servicenow"));
        assertThat(errors(shippedWith("\n  servicenow: work_notes", "\n  journal: work_notes")))
                .anyMatch(m -> m.getMessage().contains("journal"));
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The schema beside change-records.yaml: what an editor checks and explains while the admin types. */
class ChangeRecordsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "schema/change-records.schema.json";

    private static String shipped() throws IOException {
        return Files.readString(MappingFiles.SHIPPED_DIR.resolve(ChangeRecordsMapping.FILE_NAME));
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(SCHEMA)));
    }

    private static Set<ValidationMessage> errors(String yaml) throws IOException {
        JsonNode document = JSON.valueToTree(new Yaml().load(yaml));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema()).validate(document);
    }

    @Test
    void theShippedFileMatchesItsSchemaAndNamesIt() throws IOException {
        assertThat(errors(shipped())).isEmpty();
        assertThat(shipped()).startsWith("# yaml-language-server: $schema=" + SCHEMA);
    }

    @Test
    void theSchemaListsEveryKeyTheParserAcceptsEachExplained() throws IOException {
        JsonNode schema = schema();
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(ChangeRecordsParser.TOP_LEVEL_KEYS);
        List<String> fields = new ArrayList<>();
        schema.at("/properties/fields/properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(ChangeField.yamlNames());
        assertEveryKeyExplained(schema, "");
    }

    @Test
    void theSchemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(errors(shipped().replace("  issue-type: Task", "  issuetype: Task")))
                .anyMatch(m -> m.getMessage().contains("issuetype"));
        assertThat(errors(shipped().replace("  impact: details", "  impact: environment")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(errors(shipped().replace("  review: {status:", "  reviewed: {status:")))
                .anyMatch(m -> m.getMessage().contains("reviewed"));
    }

    private static void assertEveryKeyExplained(JsonNode node, String path) {
        JsonNode properties = node.get("properties");
        if (properties == null) {
            return;
        }
        properties.fields().forEachRemaining(entry -> {
            String at = path + "/" + entry.getKey();
            assertThat(entry.getValue().path("title").asText()).as("title of " + at).isNotBlank();
            assertThat(entry.getValue().path("description").asText()).as("description of " + at).isNotBlank();
            assertEveryKeyExplained(entry.getValue(), at);
        });
    }
}

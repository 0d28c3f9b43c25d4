package io.retrobridge.mapping.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.retrobridge.mapping.MappingFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The JSON Schema beside teams.yaml (editor help) agrees with the shipped file and the parser. */
class TeamsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "schema/teams.schema.json";

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(schemaErrors(TeamFiles.shipped())).isEmpty();
        assertThat(TeamFiles.shipped()).startsWith("# yaml-language-server: $schema=" + SCHEMA);
    }

    @Test
    void schemaListsEveryKeyTheParserAccepts() throws IOException {
        JsonNode schema = schema();
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(TeamsParser.TOP_LEVEL_KEYS);
        List<String> teamKeys = new ArrayList<>();
        schema.at("/definitions/team/properties").fieldNames().forEachRemaining(teamKeys::add);
        assertThat(teamKeys).containsExactlyElementsOf(TeamsParser.TEAM_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.at("/definitions/team/additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        List<String> unexplained = new ArrayList<>();
        JsonNode schema = schema();
        explained(schema.get("properties"), "", unexplained);
        explained(schema.get("definitions"), "definitions.", unexplained);
        assertThat(unexplained).isEmpty();
    }

    private static void explained(JsonNode properties, String path, List<String> unexplained) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            if (!value.has("title") || !value.has("description")) {
                unexplained.add(path + property.getKey());
            }
            if (value.has("properties")) {
                explained(value.get("properties"), path + property.getKey() + ".", unexplained);
            }
        }
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(schemaErrors(TeamFiles.shippedWith("    display-name: Payments", "    displayname: Payments")))
                .anyMatch(m -> m.getMessage().contains("displayname"));
        assertThat(schemaErrors(TeamFiles.shippedWith("name: storefront", "name: Storefront"))).isNotEmpty();
        assertThat(schemaErrors(TeamFiles.shippedWith("name: storefront", "name: unassigned"))).isNotEmpty();
        assertThat(schemaErrors(TeamFiles.shippedWith("[checkout]", "[]"))).isNotEmpty();
        assertThat(schemaErrors(TeamFiles.shippedWith("[checkout]", "[checkout, checkout]"))).isNotEmpty();
        assertThat(schemaErrors(TeamFiles.shippedWith("version: 1", "version: 2"))).isNotEmpty();
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(SCHEMA)));
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode json = JSON.valueToTree(new Yaml().load(yaml));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema());
        return schema.validate(json);
    }
}

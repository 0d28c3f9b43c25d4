package io.retrobridge.mapping.retro;

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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The JSON Schema beside retrospectives.yaml (editor help) agrees with the shipped file and the parser. */
class RetrospectivesSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "schema/retrospectives.schema.json";

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(schemaErrors(RetrospectiveFiles.shipped())).isEmpty();
        assertThat(RetrospectiveFiles.shipped()).startsWith("# yaml-language-server: $schema=" + SCHEMA);
    }

    @Test
    void schemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = schema();
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(RetrospectivesParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        List<String> unexplained = new ArrayList<>();
        explained(schema().get("properties"), "", unexplained);
        explained(schema().at("/definitions/when/properties"), "when.", unexplained);
        assertThat(unexplained).isEmpty();
    }

    private static void explained(JsonNode properties, String path, List<String> unexplained) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            if (!value.has("$ref") && (!value.has("title") || !value.has("description"))) {
                unexplained.add(path + property.getKey());
            }
            if (value.has("properties")) {
                explained(value.get("properties"), path + property.getKey() + ".", unexplained);
            }
            JsonNode items = value.path("additionalProperties").path("properties");
            if (!items.isMissingNode()) {
                explained(items, path + property.getKey() + ".*.", unexplained);
            }
            JsonNode ruleKeys = value.path("items").path("properties");
            if (!ruleKeys.isMissingNode()) {
                explained(ruleKeys, path + property.getKey() + "[].", unexplained);
            }
        }
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(schemaErrors(RetrospectiveFiles.shippedWith("programs:", "program:")))
                .anyMatch(m -> m.getMessage().contains("program"));
        assertThat(schemaErrors(RetrospectiveFiles.shippedWith("deployment: [rolled-back]", "deployment: [rolledback]")))
                .isNotEmpty();
        assertThat(schemaErrors(RetrospectiveFiles.shippedWith("due: 10 business days", "due: 2 weeks")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(RetrospectiveFiles.shippedWith("    retrospective: none\n",
                "    retrospective: none\n    tier: lightweight\n"))).isNotEmpty();
        assertThat(schemaErrors(RetrospectiveFiles.shippedWith("when: {change-type: [emergency]}",
                "when: {change-type: [emergency], environment: [production]}"))).isNotEmpty();
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(SCHEMA)));
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode json = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema());
        return schema.validate(json);
    }
}

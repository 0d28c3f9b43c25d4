package io.retrobridge.mapping.pir;

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

/** The JSON Schema beside pir-metrics.yaml (editor help) agrees with the shipped file and the parser. */
class PirMetricsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "schema/pir-metrics.schema.json";

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(schemaErrors(PirFiles.shipped())).isEmpty();
        assertThat(PirFiles.shipped()).startsWith("# yaml-language-server: $schema=" + SCHEMA);
    }

    @Test
    void schemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = schema();
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(PirMetricsParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        List<String> unexplained = new ArrayList<>();
        explained(schema().get("properties"), "", unexplained);
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
            JsonNode itemKeys = value.path("items").path("properties");
            if (!itemKeys.isMissingNode()) {
                explained(itemKeys, path + property.getKey() + "[].", unexplained);
            }
        }
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(schemaErrors(PirFiles.shippedWith("windows: {before", "windws: {before")))
                .anyMatch(m -> m.getMessage().contains("windws"));
        assertThat(schemaErrors(PirFiles.shippedWith("{before: 1h,", "{before: 1hour,")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(PirFiles.shippedWith("    better: higher", "    better: up"))).isNotEmpty();
        assertThat(schemaErrors(PirFiles.shippedWith("{worse-by-percent: 30}", "{worse-by-percent: 0}")))
                .isNotEmpty();
        assertThat(schemaErrors(PirFiles.shippedWith("code=~\"5..\"}[${window}]", "code=~\"5..\"}[${windw}]")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(PirFiles.shippedWith("  - id: throughput", "  - id: Throughput")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(PirFiles.shippedWith("covers: [traffic-drop]", "covers: [traffic drop]")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(PirFiles.shippedWith("deployment-environments: [production]",
                "deployment-environments: [Production]"))).isNotEmpty();
        assertThat(schemaErrors(PirFiles.shippedWith("{above: 0.05,", "{above: \"5%\","))).isNotEmpty();
    }

    @Test
    void aRegexAnchorInsideAStringIsNotMistakenForAPlaceholder() throws IOException {
        assertThat(schemaErrors(PirFiles.shippedWith("code=~\"5..\"", "code=~\"5..$\""))).isEmpty();
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

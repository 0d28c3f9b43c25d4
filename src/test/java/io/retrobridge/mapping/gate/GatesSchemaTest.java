package io.retrobridge.mapping.gate;

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
import org.yaml.snakeyaml.nodes.Tag;

/** The JSON Schema beside gates.yaml (editor help) agrees with the shipped file and the parser. */
class GatesSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "schema/gates.schema.json";

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(schemaErrors(GateFiles.shipped())).isEmpty();
        assertThat(GateFiles.shipped()).startsWith("# yaml-language-server: $schema=" + SCHEMA);
    }

    @Test
    void schemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = schema();
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(GatesParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
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
        assertThat(schemaErrors(GateFiles.shippedWith("waivers:\n", "waiver:\n")))
                .anyMatch(m -> m.getMessage().contains("waiver"));
        assertThat(schemaErrors(GateFiles.shippedWith("        older-than: 2d", "        older-then: 2d")))
                .anyMatch(m -> m.getMessage().contains("older-then"));
        assertThat(schemaErrors(GateFiles.shippedWith("    mode: enforce", "    mode: enforced"))).isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("  prod: {mode: enforce}", "  prod: {mode: strict}")))
                .isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("    when-undecided: deny", "    when-undecided: closed")))
                .isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("        scope: [immediate-fix]\n        last",
                "        scope: [immediate-fixes]\n        last"))).isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("older-than: 2d", "older-than: 2 days")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(GateFiles.shippedWith("who: jane.doe@example.com", "who: Jane Doe")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(GateFiles.shippedWith("until: 2026-11-30T18:00:00Z", "until: 2026-11-30")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(schemaErrors(GateFiles.shippedWith("  canary: {mode: warn}", "  Canary: {mode: warn}")))
                .isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("    environments: [production]\n    mode: warn",
                "    environments: [Production]\n    mode: warn"))).isNotEmpty();
    }

    @Test
    void schemaKnowsWhichSettingsEachConditionReads() throws IOException {
        assertThat(schemaErrors(GateFiles.shippedWith("        when: escalated-overdue\n        effect: block",
                "        when: escalated-overdue\n        scope: [immediate-fix]\n        effect: block")))
                .isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("        older-than: 2d\n", ""))).isNotEmpty();
        assertThat(schemaErrors(GateFiles.shippedWith("        when: failure-mode-recurred\n"
                + "        last-retrospectives: 3", "        when: failure-mode-recurred\n"
                + "        last-retrospectives: 1"))).isNotEmpty();
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(SCHEMA)));
    }

    /** The file as an editor's YAML 1.2 reader sees it: an instant such as {@code until} stays text. */
    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode json = JSON.valueToTree(new Yaml(new TimestampsAsText()).load(yaml));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema());
        return schema.validate(json);
    }

    private static final class TimestampsAsText extends SafeConstructor {
        TimestampsAsText() {
            super(new LoaderOptions());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}

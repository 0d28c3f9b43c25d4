package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.mapping.MappingSchema;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JSON Schema beside pir-metrics.yaml (editor help) agrees with the shipped file and the parser. */
class PirMetricsSchemaTest {

    private static final MappingSchema SCHEMA = MappingSchema.shipped("schema/pir-metrics.schema.json");

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(SCHEMA.errors(PirFiles.shipped())).isEmpty();
        assertThat(PirFiles.shipped()).startsWith(SCHEMA.editorHint());
    }

    @Test
    void schemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = SCHEMA.json();
        assertThat(MappingSchema.keysOf(schema)).containsExactlyElementsOf(PirMetricsParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        assertThat(SCHEMA.unexplainedKeys()).isEmpty();
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(SCHEMA.errors(PirFiles.shippedWith("windows: {before", "windws: {before")))
                .anyMatch(m -> m.getMessage().contains("windws"));
        assertThat(SCHEMA.errors(PirFiles.shippedWith("{before: 1h,", "{before: 1hour,")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(PirFiles.shippedWith("    better: higher", "    better: up"))).isNotEmpty();
        assertThat(SCHEMA.errors(PirFiles.shippedWith("{worse-by-percent: 30}", "{worse-by-percent: 0}")))
                .isNotEmpty();
        assertThat(SCHEMA.errors(PirFiles.shippedWith("code=~\"5..\"}[${window}]", "code=~\"5..\"}[${windw}]")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(PirFiles.shippedWith("  - id: throughput", "  - id: Throughput")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(PirFiles.shippedWith("covers: [traffic-drop]", "covers: [traffic drop]")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(PirFiles.shippedWith("deployment-environments: [production]",
                "deployment-environments: [Production]"))).isNotEmpty();
        assertThat(SCHEMA.errors(PirFiles.shippedWith("{above: 0.05,", "{above: \"5%\","))).isNotEmpty();
    }

    @Test
    void aRegexAnchorInsideAStringIsNotMistakenForAPlaceholder() throws IOException {
        assertThat(SCHEMA.errors(PirFiles.shippedWith("code=~\"5..\"", "code=~\"5..$\""))).isEmpty();
    }
}

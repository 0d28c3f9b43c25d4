package io.retrobridge.mapping.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.mapping.MappingSchema;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JSON Schema beside gates.yaml (editor help) agrees with the shipped file and the parser. */
class GatesSchemaTest {

    private static final MappingSchema SCHEMA = MappingSchema.shipped("schema/gates.schema.json");

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(SCHEMA.errors(GateFiles.shipped())).isEmpty();
        assertThat(GateFiles.shipped()).startsWith(SCHEMA.editorHint());
    }

    @Test
    void schemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = SCHEMA.json();
        assertThat(MappingSchema.keysOf(schema)).containsExactlyElementsOf(GatesParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        assertThat(SCHEMA.unexplainedKeys()).isEmpty();
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(SCHEMA.errors(GateFiles.shippedWith("waivers:\n", "waiver:\n")))
                .anyMatch(m -> m.getMessage().contains("waiver"));
        assertThat(SCHEMA.errors(GateFiles.shippedWith("        older-than: 2d", "        older-then: 2d")))
                .anyMatch(m -> m.getMessage().contains("older-then"));
        assertThat(SCHEMA.errors(GateFiles.shippedWith("    mode: enforce", "    mode: enforced"))).isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("  prod: {mode: enforce}", "  prod: {mode: strict}")))
                .isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("    when-undecided: deny", "    when-undecided: closed")))
                .isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("        scope: [immediate-fix]\n        last",
                "        scope: [immediate-fixes]\n        last"))).isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("older-than: 2d", "older-than: 2 days")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(GateFiles.shippedWith("who: jane.doe@example.com", "who: Jane Doe")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(GateFiles.shippedWith("until: 2026-11-30T18:00:00Z", "until: 2026-11-30")))
                .anyMatch(m -> m.getMessage().contains("pattern"));
        assertThat(SCHEMA.errors(GateFiles.shippedWith("  canary: {mode: warn}", "  Canary: {mode: warn}")))
                .isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("    environments: [production]\n    mode: warn",
                "    environments: [Production]\n    mode: warn"))).isNotEmpty();
    }

    @Test
    void schemaKnowsWhichSettingsEachConditionReads() throws IOException {
        assertThat(SCHEMA.errors(GateFiles.shippedWith("        when: escalated-overdue\n        effect: block",
                "        when: escalated-overdue\n        scope: [immediate-fix]\n        effect: block")))
                .isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("        older-than: 2d\n", ""))).isNotEmpty();
        assertThat(SCHEMA.errors(GateFiles.shippedWith("        when: failure-mode-recurred\n"
                + "        last-retrospectives: 3", "        when: failure-mode-recurred\n"
                + "        last-retrospectives: 1"))).isNotEmpty();
    }
}

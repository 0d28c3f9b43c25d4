package io.retrobridge.mapping.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.mapping.MappingSchema;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JSON Schema beside teams.yaml (editor help) agrees with the shipped file and the parser. */
class TeamsSchemaTest {

    private static final MappingSchema SCHEMA = MappingSchema.shipped("schema/teams.schema.json");

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(SCHEMA.errors(TeamFiles.shipped())).isEmpty();
        assertThat(TeamFiles.shipped()).startsWith(SCHEMA.editorHint());
    }

    @Test
    void schemaListsEveryKeyTheParserAccepts() throws IOException {
        JsonNode schema = SCHEMA.json();
        assertThat(MappingSchema.keysOf(schema)).containsExactlyElementsOf(TeamsParser.TOP_LEVEL_KEYS);
        assertThat(MappingSchema.keysOf(schema.at("/definitions/team"))).containsExactlyElementsOf(TeamsParser.TEAM_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.at("/definitions/team/additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void everyKeyIsExplained() throws IOException {
        assertThat(SCHEMA.unexplainedKeys()).isEmpty();
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("    display-name: Payments", "    displayname: Payments")))
                .anyMatch(m -> m.getMessage().contains("displayname"));
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("name: storefront", "name: Storefront"))).isNotEmpty();
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("name: storefront", "name: unassigned"))).isNotEmpty();
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("[checkout]", "[]"))).isNotEmpty();
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("[checkout]", "[checkout, checkout]"))).isNotEmpty();
        assertThat(SCHEMA.errors(TeamFiles.shippedWith("version: 1", "version: 2"))).isNotEmpty();
    }
}

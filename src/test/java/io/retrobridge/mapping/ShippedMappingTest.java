package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.EscalationsParser;
import io.retrobridge.mapping.escalation.Ladder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/** The default files an admin starts from are valid, and their JSON Schemas (editor help) agree with them. */
class ShippedMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESCALATIONS_SCHEMA = "schema/escalations.schema.json";

    @Test
    void shippedFileLoads() throws MappingValidationException {
        LoadedMappings loaded = new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR);
        assertThat(loaded.files()).containsExactly("action-items.yaml", "escalations.yaml", "change-records.yaml",
                "retrospectives.yaml", "pir-metrics.yaml", "gates.yaml", "teams.yaml");
        assertThat(loaded.ruleCount()).isEqualTo(5);
        assertThat(loaded.actionItems().jiraScope().projects()).containsExactly("PAY");
        assertThat(loaded.actionItems().jiraScope().issueType()).isEqualTo("Task");
        assertThat(loaded.actionItems().jiraScope().label()).isEqualTo("retro-action");
        assertThat(loaded.actionItems().serviceNowScope().table()).isEqualTo("problem_task");
    }

    @Test
    void shippedFileMatchesItsSchema() throws IOException {
        assertThat(schemaErrors(MappingFiles.shipped())).isEmpty();
    }

    @Test
    void schemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        String typo = MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow");
        assertThat(schemaErrors(typo)).anyMatch(m -> m.getMessage().contains("ownr"));
        String badScope = MappingFiles.shippedWith("scope: training,", "scope: coaching,");
        assertThat(schemaErrors(badScope)).anyMatch(m -> m.getMessage().contains("enum"));
    }

    @Test
    void shippedEscalationsLoadWithTheDefaultLadders() throws MappingValidationException {
        LoadedMappings loaded = new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR);
        EscalationPolicy policy = loaded.escalations().orElseThrow();
        assertThat(policy.ladders()).extracting(Ladder::id).containsExactly("production-fixes", "improvements");
        assertThat(policy.boards()).containsOnlyKeys("cab", "release-advisory-board", "architecture-review-board");
        assertThat(loaded.summary()).isEqualTo("7 files, 5 rules, 2 escalation ladders, 3 review boards, 6 retrospective rules, 3 PIR metrics, 2 gate tiers, 4 teams");
    }

    @Test
    void shippedEscalationsMatchTheirSchema() throws IOException {
        assertThat(schemaErrors(MappingFiles.shippedEscalations(), ESCALATIONS_SCHEMA)).isEmpty();
    }

    @Test
    void escalationSchemaListsEveryTopLevelKeyTheParserAccepts() throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(ESCALATIONS_SCHEMA)));
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(EscalationsParser.TOP_LEVEL_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(MappingFiles.shippedEscalations()).startsWith("# yaml-language-server: $schema=" + ESCALATIONS_SCHEMA);
    }

    @Test
    void escalationSchemaCatchesWhatAnEditorShouldUnderline() throws IOException {
        String typo = MappingFiles.shippedEscalationsWith("recurrences: 3", "recurences: 3");
        assertThat(schemaErrors(typo, ESCALATIONS_SCHEMA)).anyMatch(m -> m.getMessage().contains("recurences"));
        String badScope = MappingFiles.shippedEscalationsWith("tooling-upgrade]", "tooling-upgrades]");
        assertThat(schemaErrors(badScope, ESCALATIONS_SCHEMA)).isNotEmpty();
        String badAfter = MappingFiles.shippedEscalationsWith("after: 5 business days", "after: 5 workdays");
        assertThat(schemaErrors(badAfter, ESCALATIONS_SCHEMA)).anyMatch(m -> m.getMessage().contains("pattern"));
        String bothQueues = MappingFiles.shippedEscalationsWith("    servicenow: {table: sc_task, assignment-group: CAB}\n",
                "    servicenow: {table: sc_task, assignment-group: CAB}\n    jira: {project: CAB, issue-type: Task}\n");
        assertThat(schemaErrors(bothQueues, ESCALATIONS_SCHEMA)).isNotEmpty();
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        return schemaErrors(yaml, "schema/action-items.schema.json");
    }

    private static Set<ValidationMessage> schemaErrors(String yaml, String schemaPath) throws IOException {
        Object document = new Yaml(new DatesAsText()).load(yaml);
        JsonNode json = JSON.valueToTree(document);
        Path schemaFile = MappingFiles.SHIPPED_DIR.resolve(schemaPath);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(Files.readString(schemaFile)));
        return schema.validate(json);
    }

    /** Reads dates (holidays) as the text an editor's YAML 1.2 schema check sees, not as timestamps. */
    private static final class DatesAsText extends SafeConstructor {
        DatesAsText() {
            super(new LoaderOptions());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}

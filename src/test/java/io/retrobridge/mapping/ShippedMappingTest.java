package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The default file an admin starts from is valid, and its JSON Schema (editor help) agrees with it. */
class ShippedMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shippedFileLoads() throws MappingValidationException {
        LoadedMappings loaded = new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR);
        assertThat(loaded.files()).containsExactly("action-items.yaml");
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

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        JsonNode json = JSON.valueToTree(document);
        Path schemaFile = MappingFiles.SHIPPED_DIR.resolve("schema/action-items.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(Files.readString(schemaFile)));
        return schema.validate(json);
    }
}

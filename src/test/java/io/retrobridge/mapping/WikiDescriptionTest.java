package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jira Server / Data Center keeps descriptions as wiki markup: `text: wiki` reads and writes it. */
class WikiDescriptionTest {

    @TempDir
    Path dir;

    @Test
    void aServerDescriptionInWikiMarkupIsReadAsCanonicalTextAndWrittenBackAsWiki() throws Exception {
        String content = MappingFiles.shippedWith("jira: { field: description, text: adf }",
                "jira: { field: description, text: wiki }");
        ActionItemMapping mapping = new MappingLoader(TextFormatConverters.standard())
                .load(MappingFiles.write(dir, content)).actionItems();
        ObjectNode fields = (ObjectNode) new ObjectMapper().readTree("""
                {"summary":"Add a canary stage","description":"Roll out to *5%* first:\\n* watch errors\\n* then 100%",
                 "status":{"name":"To Do"},"priority":{"name":"High"},"labels":["retro-action"]}""");

        ActionItem item = mapping.toCanonical(ExternalSystem.JIRA, RecordJson.fields(fields));
        JsonNode written = RecordJson.json(mapping.toExternal(ExternalSystem.JIRA, item).fields()).get("description");

        assertThat(item.description()).isEqualTo("Roll out to **5%** first:\n\n- watch errors\n- then 100%");
        assertThat(written.isTextual()).as("wiki markup is a plain JSON string").isTrue();
        assertThat(written.asText()).contains("*5%*").contains("* watch errors");
    }
}

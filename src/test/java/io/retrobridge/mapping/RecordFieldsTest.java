package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields the ports pass are the JSON they came from, field for field, and nobody downstream can change them. */
class RecordFieldsTest {

    private static final Path REFERENCE = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRealJiraIssueWrittenBackIsTheSameJsonByteForByte() throws Exception {
        JsonNode fields = JSON.readTree(REFERENCE.resolve("jira/webhooks-server/issue-created.json").toFile())
                .path("issue").path("fields");

        String written = JSON.writeValueAsString(RecordJson.json(RecordJson.fields(fields)));

        assertThat(written).isEqualTo(JSON.writeValueAsString(fields));
    }

    @Test
    void scalarsReadAsJsonWritesThemAndShapesAsTheyAre() throws Exception {
        RecordFields fields = RecordJson.fields(JSON.readTree("""
                {"state":"157","count":12,"ratio":1.5,"active":true,"assignee":null,
                 "status":{"name":"Done"},"labels":["a","b"]}"""));

        assertThat(fields.text("state")).isEqualTo("157");
        assertThat(fields.text("count")).isEqualTo("12");
        assertThat(fields.text("ratio")).isEqualTo("1.5");
        assertThat(fields.text("active")).isEqualTo("true");
        assertThat(fields.has("assignee")).isTrue();
        assertThat(fields.text("assignee", "none")).isEqualTo("none");
        assertThat(fields.text("missing")).isNull();
        assertThat(fields.text("status")).as("an object is not a scalar").isNull();
        assertThat(fields.object("status")).containsEntry("name", "Done");
        assertThat(fields.list("labels")).containsExactly("a", "b");
        assertThat(fields.list("status")).isEmpty();
        assertThat(fields.object("labels")).isEmpty();
    }

    @Test
    void nobodyCanChangeTheFieldsTheyWereGiven() {
        List<Object> labels = new ArrayList<>(List.of("a"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("labels", labels);
        RecordFields fields = RecordFields.of(source);

        labels.add("b");
        source.put("summary", "added later");

        assertThat(fields.list("labels")).containsExactly("a");
        assertThat(fields.has("summary")).isFalse();
        assertThatThrownBy(() -> fields.asMap().put("summary", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.list("labels").add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReplacedFieldKeepsItsPlaceAndANewOneComesLast() {
        RecordFields fields = RecordFields.builder().put("summary", "t").put("labels", List.of("x")).put("duedate", null)
                .build();

        RecordFields body = fields.toBuilder().put("labels", List.of("x", "rb-1")).put("project", Map.of("key", "PAY"))
                .build();

        assertThat(RecordJson.json(body).toString())
                .isEqualTo("{\"summary\":\"t\",\"labels\":[\"x\",\"rb-1\"],\"duedate\":null,\"project\":{\"key\":\"PAY\"}}");
        assertThat(fields.list("labels")).as("the fields it was built from stay as they were").containsExactly("x");
    }

    @Test
    void onlyPlainValuesAreFields() {
        assertThatThrownBy(() -> RecordFields.of("when", java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> RecordFields.of("nested", Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("string keys");
    }
}

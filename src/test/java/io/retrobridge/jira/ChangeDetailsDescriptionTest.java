package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The "Change details" table of a change's mirror issue, as Jira Cloud and Jira Server/Data Center take it. */
class ChangeDetailsDescriptionTest {

    private static final String ROWS = "Type\tEmergency\nRisk\tHigh\nClose notes\t";

    @Test
    void cloudGetsAnAtlassianDocumentWithOneRowPerFieldAndEmptyCellsAsEmptyParagraphs() {
        JsonNode doc = ChangeDetailsDescription.of(ROWS, true);

        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("content").get(0).path("type").asText()).isEqualTo("heading");
        assertThat(doc.path("content").get(0).path("content").get(0).path("text").asText()).isEqualTo("Change details");
        JsonNode table = doc.path("content").get(2);
        assertThat(table.path("type").asText()).isEqualTo("table");
        assertThat(table.path("content")).hasSize(3);
        JsonNode risk = table.path("content").get(1).path("content");
        assertThat(risk.get(0).path("type").asText()).isEqualTo("tableHeader");
        assertThat(risk.get(0).at("/content/0/content/0/text").asText()).isEqualTo("Risk");
        assertThat(risk.get(1).path("type").asText()).isEqualTo("tableCell");
        assertThat(risk.get(1).at("/content/0/content/0/text").asText()).isEqualTo("High");
        JsonNode emptyCell = table.path("content").get(2).path("content").get(1).at("/content/0");
        assertThat(emptyCell.path("type").asText()).isEqualTo("paragraph");
        assertThat(emptyCell.path("content")).isEmpty();
    }

    @Test
    void serverGetsWikiMarkupWithCellBordersAndMacrosEscaped() {
        JsonNode wiki = ChangeDetailsDescription.of("Type\tNormal\nClose notes\tRolled back | see {code} [here]", false);

        assertThat(wiki.isTextual()).isTrue();
        assertThat(wiki.asText()).isEqualTo("h3. Change details\n"
                + "Mirrored from ServiceNow, which owns these fields: edit them there.\n"
                + "||Type|Normal |\n"
                + "||Close notes|Rolled back \\| see \\{code} \\[here] |");
    }

    @Test
    void noRowsGiveTheHeadingAlone() {
        assertThat(ChangeDetailsDescription.of("", true).path("content")).hasSize(2);
    }
}

package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The description of a change's mirror issue: a "Change details" table of the fields the mapping sends there, one
 * row per field, as an Atlassian Document (Jira Cloud) or wiki markup (Server/Data Center).
 */
final class ChangeDetailsDescription {

    static final String HEADING = "Change details";
    private static final String INTRO = "Mirrored from ServiceNow, which owns these fields: edit them there.";

    private ChangeDetailsDescription() {
    }

    /** @param rows one "Title\tvalue" line per field, as the projection holds them */
    static JsonNode of(String rows, boolean cloud) {
        List<String[]> table = parse(rows);
        return cloud ? adf(table) : JiraPayloads.JSON.getNodeFactory().textNode(wiki(table));
    }

    private static List<String[]> parse(String rows) {
        List<String[]> table = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            return table;
        }
        for (String line : rows.split("\n", -1)) {
            int tab = line.indexOf('\t');
            table.add(tab < 0 ? new String[] {line, ""} : new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        return table;
    }

    private static ObjectNode adf(List<String[]> table) {
        ObjectNode doc = JiraPayloads.JSON.createObjectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        ObjectNode heading = content.addObject();
        heading.put("type", "heading");
        heading.putObject("attrs").put("level", 3);
        text(heading.putArray("content"), HEADING);
        paragraph(content, INTRO);
        if (table.isEmpty()) {
            return doc;
        }
        ObjectNode tableNode = content.addObject();
        tableNode.put("type", "table");
        ArrayNode rows = tableNode.putArray("content");
        for (String[] row : table) {
            ObjectNode tableRow = rows.addObject();
            tableRow.put("type", "tableRow");
            ArrayNode cells = tableRow.putArray("content");
            cell(cells, "tableHeader", row[0]);
            cell(cells, "tableCell", row[1]);
        }
        return doc;
    }

    private static void cell(ArrayNode cells, String type, String text) {
        ObjectNode cell = cells.addObject();
        cell.put("type", type);
        paragraph(cell.putArray("content"), text);
    }

    private static void paragraph(ArrayNode content, String text) {
        ObjectNode paragraph = content.addObject();
        paragraph.put("type", "paragraph");
        ArrayNode inline = paragraph.putArray("content");
        // ADF refuses an empty text node: an empty cell is an empty paragraph.
        if (!text.isEmpty()) {
            text(inline, text);
        }
    }

    private static void text(ArrayNode inline, String text) {
        inline.addObject().put("type", "text").put("text", text);
    }

    private static String wiki(List<String[]> table) {
        StringBuilder wiki = new StringBuilder("h3. ").append(HEADING).append('\n').append(INTRO).append('\n');
        for (String[] row : table) {
            wiki.append("||").append(escape(row[0])).append("|").append(escape(row[1])).append(" |\n");
        }
        return wiki.toString().stripTrailing();
    }

    /** Wiki markup would read a pipe as a cell border and a brace or bracket as a macro or link. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("{", "\\{").replace("[", "\\[")
                .replace("\n", " ");
    }
}

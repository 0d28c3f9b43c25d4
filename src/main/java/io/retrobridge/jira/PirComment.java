package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummaryText;
import java.util.List;
import java.util.Locale;

/**
 * A PIR summary as one Jira comment: the marker line it is found again by, a heading, what the figures are about,
 * the table (metric, before, after, change, verdict), then graphs, timeline and data gaps as lists. An Atlassian
 * Document on Cloud (every value a text node, links only to http(s) addresses), escaped wiki markup on Server/Data
 * Center, as the change details table of the mirror issue is written.
 */
final class PirComment {

    private PirComment() {
    }

    static JsonNode of(String marker, PirSummary summary, boolean cloud) {
        return cloud ? adf(marker, summary) : TextNode.valueOf(wiki(marker, summary));
    }

    /** Whether the comment's first line is this marker (wiki escapes taken off). */
    static boolean carries(JiraComment comment, String marker) {
        String first = JiraComments.firstLine(comment.body()).strip();
        return first.equals(marker) || first.replace("\\", "").equals(marker);
    }

    /** Only web addresses become links; anything else is shown as text. */
    static boolean linkable(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.chars().noneMatch(c -> c <= ' ');
    }

    // ---- Atlassian Document (Cloud) ---------------------------------------------------------------

    private static ObjectNode adf(String marker, PirSummary summary) {
        ObjectNode doc = JiraPayloads.JSON.createObjectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        text(paragraph(content), marker, null, false);
        ObjectNode heading = content.addObject();
        heading.put("type", "heading");
        heading.putObject("attrs").put("level", 3);
        text(heading.putArray("content"), PirSummaryText.HEADING, null, false);
        text(paragraph(content), PirSummaryText.about(summary), null, false);
        PirSummaryText.incomplete(summary).ifPresent(line -> text(paragraph(content), line, null, true));
        ObjectNode table = content.addObject();
        table.put("type", "table");
        ArrayNode rows = table.putArray("content");
        row(rows, "tableHeader", PirSummaryText.COLUMNS);
        summary.metrics().forEach(metric -> row(rows, "tableCell", PirSummaryText.row(metric)));
        List<PirSummaryText.Linked> graphs = PirSummaryText.graphs(summary);
        if (!graphs.isEmpty()) {
            ArrayNode list = section(content, "Graphs");
            graphs.forEach(graph -> text(item(list), graph.text(), graph.link(), false));
        }
        List<PirSummaryText.Linked> timeline = PirSummaryText.timeline(summary);
        if (!timeline.isEmpty()) {
            ArrayNode list = section(content, "Timeline");
            for (PirSummaryText.Linked moment : timeline) {
                ArrayNode inline = item(list);
                text(inline, moment.text(), null, false);
                if (moment.link() != null) {
                    text(inline, " (", null, false);
                    text(inline, linkable(moment.link()) ? "open" : moment.link(), moment.link(), false);
                    text(inline, ")", null, false);
                }
            }
        }
        List<String> gaps = PirSummaryText.gaps(summary);
        if (!gaps.isEmpty()) {
            ArrayNode list = section(content, "Data gaps");
            gaps.forEach(gap -> text(item(list), gap, null, false));
        }
        text(paragraph(content), PirSummaryText.collected(summary), null, false);
        return doc;
    }

    private static void row(ArrayNode rows, String cellType, List<String> cells) {
        ObjectNode row = rows.addObject();
        row.put("type", "tableRow");
        ArrayNode content = row.putArray("content");
        for (String cell : cells) {
            ObjectNode node = content.addObject();
            node.put("type", cellType);
            ArrayNode inline = paragraph(node.putArray("content"));
            // ADF refuses an empty text node: an empty cell is an empty paragraph.
            if (!cell.isEmpty()) {
                text(inline, cell, null, false);
            }
        }
    }

    private static ArrayNode section(ArrayNode content, String title) {
        text(paragraph(content), title, null, true);
        ObjectNode list = content.addObject();
        list.put("type", "bulletList");
        return list.putArray("content");
    }

    private static ArrayNode item(ArrayNode list) {
        ObjectNode item = list.addObject();
        item.put("type", "listItem");
        return paragraph(item.putArray("content"));
    }

    private static ArrayNode paragraph(ArrayNode content) {
        ObjectNode paragraph = content.addObject();
        paragraph.put("type", "paragraph");
        return paragraph.putArray("content");
    }

    private static void text(ArrayNode inline, String text, String link, boolean strong) {
        ObjectNode node = inline.addObject().put("type", "text").put("text", text);
        if (strong || linkable(link)) {
            ArrayNode marks = node.putArray("marks");
            if (strong) {
                marks.addObject().put("type", "strong");
            }
            if (linkable(link)) {
                marks.addObject().put("type", "link").putObject("attrs").put("href", link);
            }
        }
    }

    // ---- wiki markup (Server/Data Center) ---------------------------------------------------------

    private static String wiki(String marker, PirSummary summary) {
        StringBuilder wiki = new StringBuilder(escaped(marker)).append('\n');
        wiki.append("h3. ").append(escaped(PirSummaryText.HEADING)).append('\n');
        wiki.append(escaped(PirSummaryText.about(summary))).append('\n');
        PirSummaryText.incomplete(summary).ifPresent(line -> wiki.append('*').append(escaped(line)).append("*\n"));
        wiki.append('\n');
        PirSummaryText.COLUMNS.forEach(column -> wiki.append("||").append(escaped(column)));
        wiki.append("||\n");
        for (PirSummary.MetricRow metric : summary.metrics()) {
            PirSummaryText.row(metric).forEach(cell -> wiki.append('|').append(escaped(cell)));
            wiki.append("|\n");
        }
        List<PirSummaryText.Linked> graphs = PirSummaryText.graphs(summary);
        if (!graphs.isEmpty()) {
            wiki.append("\n*Graphs*\n");
            graphs.forEach(graph -> wiki.append("* ").append(wikiLink(graph.text(), graph.link())).append('\n'));
        }
        List<PirSummaryText.Linked> timeline = PirSummaryText.timeline(summary);
        if (!timeline.isEmpty()) {
            wiki.append("\n*Timeline*\n");
            for (PirSummaryText.Linked moment : timeline) {
                wiki.append("* ").append(escaped(moment.text()));
                if (moment.link() != null) {
                    wiki.append(" (").append(wikiLink("open", moment.link())).append(')');
                }
                wiki.append('\n');
            }
        }
        List<String> gaps = PirSummaryText.gaps(summary);
        if (!gaps.isEmpty()) {
            wiki.append("\n*Data gaps*\n");
            gaps.forEach(gap -> wiki.append("* ").append(escaped(gap)).append('\n'));
        }
        wiki.append('\n').append(escaped(PirSummaryText.collected(summary)));
        return wiki.toString();
    }

    /** {@code [label|address]} for a web address; otherwise the label and the address as plain text. */
    private static String wikiLink(String label, String url) {
        if (!linkable(url)) {
            return escaped(label + ": " + url);
        }
        return "[" + escaped(label) + "|" + url.replace("]", "%5D").replace("|", "%7C").replace("[", "%5B") + "]";
    }

    /** One line of text with every character wiki markup acts on escaped, as item texts are written. */
    private static String escaped(String text) {
        return JiraPlainText.of(PirSummaryText.oneLine(text), false).asText().replace("\n", " ");
    }
}

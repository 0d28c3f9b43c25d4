package io.retrobridge.servicenow;

import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummaryText;
import io.retrobridge.mapping.text.JournalText;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * A PIR summary as one work note: the marker line it is found again by, then the figures. As journal HTML
 * ({@code [code]...[/code]}, which ServiceNow renders where the instance allows it) the table is a table and the
 * graphs are links; as plain text it reads the same line by line. Either way every value is text: the HTML is built
 * element by element and cleaned like action-item copies, and a {@code [code]} tag inside a value is made inert.
 */
final class PirWorkNote {

    private static final String BASE = "https://retrobridge.invalid/";
    /** Tables and links, nothing that runs: jsoup's relaxed list keeps http(s) and mailto links only. */
    private static final Safelist ALLOWED = Safelist.relaxed().addAttributes("table", "border");

    private PirWorkNote() {
    }

    static String of(String marker, PirSummary summary, boolean html) {
        String body = html ? "[code]" + JournalText.literal(html(summary)) + "[/code]"
                : JournalText.literal(PirSummaryText.plain(summary));
        return JournalText.literal(marker) + "\n" + body;
    }

    /** Whether a journal entry is the note of the release this marker names: a line of it is the marker. */
    static boolean carries(String value, String marker) {
        String literal = JournalText.literal(marker);
        return value != null && value.lines().anyMatch(line -> line.strip().equals(literal));
    }

    private static String html(PirSummary summary) {
        Document document = Document.createShell(BASE);
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        document.outputSettings(settings);
        Element body = document.body();
        body.appendElement("h3").appendText(PirSummaryText.HEADING);
        body.appendElement("p").appendText(PirSummaryText.about(summary));
        PirSummaryText.incomplete(summary).ifPresent(line -> body.appendElement("p").appendElement("strong")
                .appendText(line));
        Element table = body.appendElement("table").attr("border", "1");
        Element header = table.appendElement("tr");
        PirSummaryText.COLUMNS.forEach(column -> header.appendElement("th").appendText(column));
        for (PirSummary.MetricRow metric : summary.metrics()) {
            Element row = table.appendElement("tr");
            PirSummaryText.row(metric).forEach(cell -> row.appendElement("td").appendText(cell));
        }
        List<PirSummaryText.Linked> graphs = PirSummaryText.graphs(summary);
        if (!graphs.isEmpty()) {
            Element list = section(body, "Graphs");
            graphs.forEach(graph -> list.appendElement("li").appendElement("a").attr("href", graph.link())
                    .appendText(graph.text()));
        }
        List<PirSummaryText.Linked> timeline = PirSummaryText.timeline(summary);
        if (!timeline.isEmpty()) {
            Element list = section(body, "Timeline");
            for (PirSummaryText.Linked moment : timeline) {
                Element item = list.appendElement("li").appendText(moment.text());
                if (moment.link() != null) {
                    item.appendText(" (");
                    item.appendElement("a").attr("href", moment.link()).appendText("open");
                    item.appendText(")");
                }
            }
        }
        List<String> gaps = PirSummaryText.gaps(summary);
        if (!gaps.isEmpty()) {
            Element list = section(body, "Data gaps");
            gaps.forEach(gap -> list.appendElement("li").appendText(gap));
        }
        body.appendElement("p").appendText(PirSummaryText.collected(summary));
        return Jsoup.clean(body.html(), BASE, ALLOWED, settings);
    }

    private static Element section(Element body, String title) {
        body.appendElement("p").appendElement("strong").appendText(title);
        return body.appendElement("ul");
    }
}

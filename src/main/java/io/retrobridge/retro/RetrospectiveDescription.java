package io.retrobridge.retro;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.RetrospectiveTrigger;
import java.util.List;

/**
 * A retrospective's Jira description as an ADF document: why it was opened and where its ServiceNow record is, a
 * checklist (a task list), the timeline of the release (a table of deployment runs and change state moves), then one
 * heading per section of the tier, mandatory ones marked so.
 */
public final class RetrospectiveDescription {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String NO_DEPLOYMENTS = "No deployment events recorded.";

    /**
     * Where the ServiceNow record is, and why it points at no change.
     *
     * @param number  e.g. PRB0040001
     * @param rfcNote why it points at no change; null when it does
     */
    public record ServiceNowRecord(String number, String url, String rfcNote) {
    }

    private RetrospectiveDescription() {
    }

    /**
     * @param deployments the release's runs in any order; empty when none were recorded (or no store keeps them)
     * @param moves       the change's state moves in any order
     */
    public static ObjectNode render(RetrospectiveTrigger trigger, ServiceNowRecord record, List<Deployment> deployments,
                                    List<ChangeStateMove> moves) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        content.add(paragraph(text("Opened by RetroBridge: " + trigger.reason() + " (rule " + trigger.ruleId()
                + ", tier " + trigger.tier() + "). Due " + trigger.due() + ".")));
        content.add(paragraph(text("ServiceNow record: "), link(record.number(), record.url())));
        if (record.rfcNote() != null) {
            content.add(paragraph(text("It points at no change: " + record.rfcNote() + ".")));
        }
        content.add(heading(2, "Checklist"));
        content.add(checklist(trigger, record));
        content.add(heading(2, "Timeline"));
        if (deployments.isEmpty()) {
            content.add(paragraph(text(NO_DEPLOYMENTS)));
        }
        List<Timeline.Row> rows = Timeline.of(deployments, moves);
        if (!rows.isEmpty()) {
            content.add(table(rows));
        }
        trigger.mandatorySections().forEach(section ->
                content.add(heading(2, RetrospectiveTitle.section(section) + " (mandatory)")));
        trigger.optionalSections().forEach(section ->
                content.add(heading(2, RetrospectiveTitle.section(section) + " (optional)")));
        return doc;
    }

    private static ObjectNode checklist(RetrospectiveTrigger trigger, ServiceNowRecord record) {
        ObjectNode list = JSON.objectNode();
        list.put("type", "taskList");
        list.putObject("attrs").put("localId", "retro-checklist");
        ArrayNode items = list.putArray("content");
        items.add(task(items.size(), "Hold the retrospective by " + trigger.due()));
        trigger.mandatorySections().forEach(section ->
                items.add(task(items.size(), "Fill in " + RetrospectiveTitle.section(section))));
        items.add(task(items.size(), "Raise each action item as a problem task under " + record.number()));
        return list;
    }

    private static ObjectNode task(int index, String words) {
        ObjectNode item = JSON.objectNode();
        item.put("type", "taskItem");
        item.putObject("attrs").put("localId", "retro-check-" + (index + 1)).put("state", "TODO");
        item.putArray("content").add(text(words));
        return item;
    }

    private static ObjectNode table(List<Timeline.Row> rows) {
        ObjectNode table = JSON.objectNode();
        table.put("type", "table");
        table.putObject("attrs").put("isNumberColumnEnabled", false).put("layout", "default");
        ArrayNode lines = table.putArray("content");
        lines.add(row("tableHeader", paragraph(text("When")), paragraph(text("What")), paragraph(text("Outcome")),
                paragraph(text("Duration"))));
        for (Timeline.Row row : rows) {
            ObjectNode what = row.link() == null ? paragraph(text(row.what())) : paragraph(link(row.what(), row.link()));
            lines.add(row("tableCell", paragraph(text(row.when())), what, paragraph(row.outcome()),
                    paragraph(row.duration())));
        }
        return table;
    }

    private static ObjectNode row(String cellType, ObjectNode... cells) {
        ObjectNode row = JSON.objectNode();
        row.put("type", "tableRow");
        ArrayNode content = row.putArray("content");
        for (ObjectNode cell : cells) {
            ObjectNode wrapped = JSON.objectNode();
            wrapped.put("type", cellType);
            wrapped.putArray("content").add(cell);
            content.add(wrapped);
        }
        return row;
    }

    private static ObjectNode heading(int level, String words) {
        ObjectNode heading = JSON.objectNode();
        heading.put("type", "heading");
        heading.putObject("attrs").put("level", level);
        heading.putArray("content").add(text(words));
        return heading;
    }

    /** A paragraph of these text nodes. */
    private static ObjectNode paragraph(ObjectNode... inlines) {
        ObjectNode paragraph = JSON.objectNode();
        paragraph.put("type", "paragraph");
        ArrayNode content = paragraph.putArray("content");
        for (ObjectNode inline : inlines) {
            content.add(inline);
        }
        return paragraph;
    }

    /** A paragraph of these words; ADF allows no empty text node, so no words make an empty paragraph. */
    private static ObjectNode paragraph(String words) {
        return words.isEmpty() ? paragraph(new ObjectNode[0]) : paragraph(text(words));
    }

    private static ObjectNode text(String words) {
        ObjectNode text = JSON.objectNode();
        text.put("type", "text");
        text.put("text", words);
        return text;
    }

    private static ObjectNode link(String words, String href) {
        ObjectNode text = text(words);
        ObjectNode mark = text.putArray("marks").addObject();
        mark.put("type", "link");
        mark.putObject("attrs").put("href", href);
        return text;
    }
}

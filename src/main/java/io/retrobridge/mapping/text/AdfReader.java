package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.mapping.text.RichText.Block;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an Atlassian Document Format tree. Nodes canonical text cannot express degrade to readable text
 * (a mention to "@Name", a card to its URL, a table to one line per row) instead of vanishing.
 */
final class AdfReader {

    private static final Set<String> LEAF_BLOCKS = Set.of("paragraph", "heading", "codeBlock", "rule");

    private AdfReader() {
    }

    static RichText read(JsonNode doc) {
        List<Block> blocks = new ArrayList<>();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            return new RichText(blocks);
        }
        if (doc.isTextual()) {
            // Some Jira fields hold a plain string even in API v3.
            return PlainReader.read(doc.asText());
        }
        blocks(doc.path("content"), 0, blocks);
        return new RichText(blocks);
    }

    private static void blocks(JsonNode content, int depth, List<Block> out) {
        InlineRuns stray = new InlineRuns();
        for (JsonNode node : iterable(content)) {
            if (isInline(node)) {
                // Inline nodes directly under a block container are invalid ADF but do occur; keep their text.
                inline(node, stray);
                continue;
            }
            flushStray(stray, out);
            stray = new InlineRuns();
            if (depth >= Nesting.MAX_DEPTH && !LEAF_BLOCKS.contains(type(node))) {
                out.addAll(flatten(node));
            } else {
                block(node, depth, out);
            }
        }
        flushStray(stray, out);
    }

    private static void flushStray(InlineRuns stray, List<Block> out) {
        if (!stray.isEmpty()) {
            out.add(new RichText.Paragraph(stray.build()));
        }
    }

    private static void block(JsonNode node, int depth, List<Block> out) {
        switch (type(node)) {
            case "paragraph" -> out.add(new RichText.Paragraph(inlines(node)));
            case "heading" -> out.add(new RichText.Heading(node.path("attrs").path("level").asInt(1), inlines(node)));
            case "bulletList", "orderedList" -> {
                boolean ordered = type(node).equals("orderedList");
                List<RichText.ListItem> items = new ArrayList<>();
                for (JsonNode item : iterable(node.path("content"))) {
                    List<Block> itemBlocks = new ArrayList<>();
                    blocks(item.path("content"), depth + 1, itemBlocks);
                    items.add(new RichText.ListItem(itemBlocks));
                }
                out.add(new RichText.ListBlock(ordered, node.path("attrs").path("order").asInt(1), items));
            }
            case "codeBlock" -> out.add(new RichText.CodeBlock(node.path("attrs").path("language").asText(""),
                    InlineRuns.plainText(inlines(node))));
            case "rule" -> out.add(new RichText.Rule());
            case "table" -> table(node, out);
            case "taskList", "decisionList" -> {
                List<RichText.ListItem> items = new ArrayList<>();
                for (JsonNode item : iterable(node.path("content"))) {
                    InlineRuns runs = new InlineRuns();
                    String state = item.path("attrs").path("state").asText("");
                    if (type(item).equals("taskItem")) {
                        runs.plain(state.equals("DONE") ? "[x] " : "[ ] ");
                    }
                    collectInlines(item, runs);
                    items.add(new RichText.ListItem(List.of(new RichText.Paragraph(runs.build()))));
                }
                out.add(new RichText.ListBlock(false, 1, items));
            }
            case "mediaSingle", "mediaGroup" -> {
                InlineRuns runs = new InlineRuns();
                for (JsonNode media : iterable(node.path("content"))) {
                    inline(media, runs);
                    runs.plain(" ");
                }
                out.add(new RichText.Paragraph(runs.build()));
            }
            case "blockCard", "embedCard" -> {
                InlineRuns runs = new InlineRuns();
                inline(node, runs);
                out.add(new RichText.Paragraph(runs.build()));
            }
            case "expand", "nestedExpand" -> {
                String title = node.path("attrs").path("title").asText("");
                if (!title.isBlank()) {
                    InlineRuns runs = new InlineRuns();
                    runs.text(title, true, false, null);
                    out.add(new RichText.Paragraph(runs.build()));
                }
                blocks(node.path("content"), depth + 1, out);
            }
            default -> {
                // blockquote, panel, layouts and anything newer: keep the content they wrap.
                if (node.path("content").isArray() && !node.path("content").isEmpty()) {
                    blocks(node.path("content"), depth + 1, out);
                } else {
                    InlineRuns runs = new InlineRuns();
                    inline(node, runs);
                    out.add(new RichText.Paragraph(runs.build()));
                }
            }
        }
    }

    /** One paragraph per row, cells joined by " | ", so a table stays readable as text. */
    private static void table(JsonNode table, List<Block> out) {
        for (JsonNode row : iterable(table.path("content"))) {
            InlineRuns runs = new InlineRuns();
            boolean first = true;
            for (JsonNode cell : iterable(row.path("content"))) {
                if (!first) {
                    runs.plain(" | ");
                }
                first = false;
                boolean header = type(cell).equals("tableHeader");
                InlineRuns cellRuns = new InlineRuns();
                collectInlines(cell, cellRuns);
                String cellText = InlineRuns.plainText(cellRuns.build()).replace('\n', ' ');
                runs.text(cellText, header, false, null);
            }
            out.add(new RichText.Paragraph(runs.build()));
        }
    }

    private static List<RichText.Inline> inlines(JsonNode block) {
        InlineRuns runs = new InlineRuns();
        for (JsonNode node : iterable(block.path("content"))) {
            inline(node, runs);
        }
        return runs.build();
    }

    private static void inline(JsonNode node, InlineRuns runs) {
        JsonNode attrs = node.path("attrs");
        switch (type(node)) {
            case "text" -> text(node, runs);
            case "hardBreak" -> runs.lineBreak();
            case "mention" -> {
                String name = attrs.path("text").asText("");
                if (name.isBlank()) {
                    name = attrs.path("id").asText("someone");
                }
                runs.plain(name.startsWith("@") ? name : "@" + name);
            }
            case "emoji" -> runs.plain(attrs.path("text").asText(attrs.path("shortName").asText("")));
            case "inlineCard", "blockCard", "embedCard" -> {
                String url = attrs.path("url").asText("");
                if (url.isEmpty()) {
                    runs.plain(attrs.path("data").path("url").asText("[card]"));
                } else {
                    runs.text(url, false, false, url);
                }
            }
            case "date" -> runs.plain(date(attrs.path("timestamp").asText("")));
            case "status", "placeholder" -> runs.plain(attrs.path("text").asText(""));
            case "media", "mediaInline" -> {
                String name = attrs.path("alt").asText(attrs.path("name").asText(""));
                runs.plain(name.isBlank() ? "[attachment]" : "[attachment: " + name + "]");
            }
            default -> {
                if (attrs.path("text").isTextual()) {
                    runs.plain(attrs.path("text").asText());
                } else if (node.path("text").isTextual()) {
                    runs.plain(node.path("text").asText());
                } else if (node.path("content").isArray()) {
                    collectInlines(node, runs);
                } else {
                    runs.plain("[" + type(node) + "]");
                }
            }
        }
    }

    private static void text(JsonNode node, InlineRuns runs) {
        boolean bold = false;
        boolean italic = false;
        boolean code = false;
        String link = null;
        for (JsonNode mark : iterable(node.path("marks"))) {
            switch (type(mark)) {
                case "strong" -> bold = true;
                case "em" -> italic = true;
                case "code" -> code = true;
                case "link" -> link = mark.path("attrs").path("href").asText(null);
                default -> {
                    // strike, underline, colours, sub/superscript: the text stays, the style does not.
                }
            }
        }
        String text = node.path("text").asText("");
        if (code) {
            runs.code(text, link);
        } else {
            runs.text(text, bold, italic, link);
        }
    }

    /** Collects the text of a whole subtree without recursion, one line per block. */
    private static void collectInlines(JsonNode root, InlineRuns runs) {
        Deque<JsonNode> stack = new ArrayDeque<>();
        pushChildren(root, stack);
        boolean firstBlock = true;
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            boolean hasContent = node.path("content").isArray() && !node.path("content").isEmpty();
            if (isInline(node) || (!hasContent && !LEAF_BLOCKS.contains(type(node)))) {
                inline(node, runs);
            } else if (hasContent) {
                if (LEAF_BLOCKS.contains(type(node)) && !firstBlock) {
                    runs.plain(" ");
                }
                firstBlock = false;
                pushChildren(node, stack);
            }
        }
    }

    private static List<Block> flatten(JsonNode root) {
        List<Block> blocks = new ArrayList<>();
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            if (LEAF_BLOCKS.contains(type(node))) {
                block(node, Nesting.MAX_DEPTH, blocks);
            } else if (isInline(node) || !node.path("content").isArray() || node.path("content").isEmpty()) {
                InlineRuns runs = new InlineRuns();
                inline(node, runs);
                blocks.add(new RichText.Paragraph(runs.build()));
            } else {
                pushChildren(node, stack);
            }
        }
        return blocks;
    }

    private static void pushChildren(JsonNode node, Deque<JsonNode> stack) {
        JsonNode content = node.path("content");
        for (int i = content.size() - 1; i >= 0; i--) {
            stack.push(content.get(i));
        }
    }

    private static boolean isInline(JsonNode node) {
        return switch (type(node)) {
            case "text", "hardBreak", "mention", "emoji", "inlineCard", "date", "status", "placeholder",
                 "mediaInline", "inlineExtension" -> true;
            default -> false;
        };
    }

    private static String date(String timestamp) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(timestamp)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return timestamp;
        }
    }

    private static String type(JsonNode node) {
        return node.path("type").asText("");
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        if (!array.isArray()) {
            return List.of();
        }
        return () -> {
            Iterator<JsonNode> it = array.elements();
            return it;
        };
    }
}

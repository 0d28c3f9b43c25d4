package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ServiceNow HTML (and journal text with {@code [code]...[/code]} HTML sections) with jsoup. Only
 * text and the structure canonical text can express come out; scripts, styles, event handlers and
 * unsafe links cannot, because nothing is copied except words and safe URLs.
 */
final class HtmlReader {

    private static final String OPEN = "[code]";
    private static final String CLOSE = "[/code]";
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s{0,3}/?[a-zA-Z!]");
    /** Elements whose content is program or page furniture, not text for a person. */
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "frame",
            "frameset", "object", "embed", "applet", "head", "title", "meta", "link", "base", "svg", "math");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "footer",
            "aside", "nav", "blockquote", "body", "center", "figure", "details", "summary", "form", "fieldset",
            "address", "dl", "dd", "dt");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "pre", "hr", "table", "tr", "div", "section", "article", "blockquote", "dl", "dd", "dt");

    private HtmlReader() {
    }

    static RichText read(String external) {
        List<Block> blocks = new ArrayList<>();
        if (external == null || external.isBlank()) {
            return new RichText(blocks);
        }
        // Found with indexOf, not a regular expression, so unclosed markers in hostile input stay linear.
        String lower = external.toLowerCase(Locale.ROOT);
        int open = lower.indexOf(OPEN);
        int close = open < 0 ? -1 : lower.indexOf(CLOSE, open + OPEN.length());
        if (close >= 0) {
            // A journal entry: text outside [code] is shown as typed, text inside is HTML.
            int from = 0;
            while (open >= 0 && close >= 0) {
                blocks.addAll(PlainReader.read(external.substring(from, open)).blocks());
                blocks.addAll(html(external.substring(open + OPEN.length(), close)));
                from = close + CLOSE.length();
                open = lower.indexOf(OPEN, from);
                close = open < 0 ? -1 : lower.indexOf(CLOSE, open + OPEN.length());
            }
            blocks.addAll(PlainReader.read(external.substring(from)).blocks());
            return new RichText(blocks);
        }
        if (!LOOKS_LIKE_HTML.matcher(external).find()) {
            return PlainReader.read(org.jsoup.parser.Parser.unescapeEntities(external, false));
        }
        return new RichText(html(external));
    }

    private static List<Block> html(String html) {
        List<Block> blocks = new ArrayList<>();
        containerBlocks(Jsoup.parseBodyFragment(html).body(), 0, blocks);
        return blocks;
    }

    private static void containerBlocks(Element container, int depth, List<Block> out) {
        InlineRuns pending = new InlineRuns();
        for (Node child : container.childNodes()) {
            if (child instanceof Element element && isBlockLevel(element)) {
                flush(pending, out);
                pending = new InlineRuns();
                if (depth >= Nesting.MAX_DEPTH) {
                    flattened(element, out);
                } else {
                    block(element, depth, out);
                }
            } else {
                inline(child, false, false, null, pending, depth);
            }
        }
        flush(pending, out);
    }

    private static void flush(InlineRuns pending, List<Block> out) {
        List<RichText.Inline> inlines = pending.buildTrimmed();
        if (!inlines.isEmpty()) {
            out.add(new RichText.Paragraph(inlines));
        }
    }

    private static void block(Element element, int depth, List<Block> out) {
        String tag = tag(element);
        switch (tag) {
            case "p" -> flush(inlines(element, depth), out);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                List<RichText.Inline> inlines = inlines(element, depth).buildTrimmed();
                if (!inlines.isEmpty()) {
                    out.add(new RichText.Heading(tag.charAt(1) - '0', inlines));
                }
            }
            case "ul", "ol" -> {
                List<RichText.ListItem> items = new ArrayList<>();
                for (Element item : element.children()) {
                    List<Block> itemBlocks = new ArrayList<>();
                    containerBlocks(item, depth + 1, itemBlocks);
                    items.add(new RichText.ListItem(itemBlocks));
                }
                int start = 1;
                try {
                    start = Integer.parseInt(element.attr("start").strip());
                } catch (NumberFormatException ignored) {
                    // no or unreadable start: lists count from one
                }
                out.add(new RichText.ListBlock(tag.equals("ol"), start, items));
            }
            case "pre" -> out.add(new RichText.CodeBlock(language(element), preText(element)));
            case "hr" -> out.add(new RichText.Rule());
            case "table" -> {
                for (Element row : element.select("tr")) {
                    InlineRuns runs = new InlineRuns();
                    boolean first = true;
                    for (Element cell : row.children()) {
                        if (!first) {
                            runs.plain(" | ");
                        }
                        first = false;
                        runs.text(cell.text(), tag(cell).equals("th"), false, null);
                    }
                    flush(runs, out);
                }
            }
            default -> containerBlocks(element, depth + 1, out);
        }
    }

    private static InlineRuns inlines(Element element, int depth) {
        InlineRuns runs = new InlineRuns();
        for (Node child : element.childNodes()) {
            inline(child, false, false, null, runs, depth);
        }
        return runs;
    }

    private static void inline(Node node, boolean bold, boolean italic, String link, InlineRuns runs, int depth) {
        if (node instanceof TextNode text) {
            appendCollapsed(text.text(), bold, italic, link, runs);
            return;
        }
        if (!(node instanceof Element element)) {
            return; // comments, doctype, data nodes
        }
        String tag = tag(element);
        if (DROPPED.contains(tag)) {
            return;
        }
        if (depth >= Nesting.MAX_DEPTH * 2) {
            appendCollapsed(element.text(), bold, italic, link, runs);
            return;
        }
        switch (tag) {
            case "br" -> runs.lineBreak();
            case "code", "tt", "kbd", "samp" -> runs.code(element.wholeText(), link);
            case "img" -> {
                String alt = element.attr("alt").strip();
                appendCollapsed(alt.isEmpty() ? "[image]" : alt, bold, italic, link, runs);
            }
            default -> {
                boolean b = bold || tag.equals("b") || tag.equals("strong");
                boolean i = italic || tag.equals("i") || tag.equals("em");
                String l = link;
                if (tag.equals("a") && link == null) {
                    l = SafeLinks.safe(element.attr("href")).orElse(null);
                }
                boolean blockInside = BLOCK_TAGS.contains(tag) && !runs.isEmpty();
                if (blockInside) {
                    runs.lineBreak();
                }
                for (Node child : element.childNodes()) {
                    inline(child, b, i, l, runs, depth + 1);
                }
            }
        }
    }

    /** HTML shows any run of whitespace as one space, and none at the start of a line. */
    private static void appendCollapsed(String text, boolean bold, boolean italic, String link, InlineRuns runs) {
        String collapsed = text.replaceAll("\\s+", " ");
        if (collapsed.startsWith(" ") && runs.endsInSpace()) {
            collapsed = collapsed.substring(1);
        }
        runs.text(collapsed, bold, italic, link);
    }

    private static boolean isBlockLevel(Element element) {
        String tag = tag(element);
        if (DROPPED.contains(tag)) {
            return false;
        }
        if (BLOCK_TAGS.contains(tag) || CONTAINERS.contains(tag)) {
            return true;
        }
        // An unknown wrapper around paragraphs or lists is a container, not a piece of a line.
        return !element.getElementsByTag("p").isEmpty() || !element.getElementsByTag("ul").isEmpty()
                || !element.getElementsByTag("ol").isEmpty() || !element.getElementsByTag("pre").isEmpty();
    }

    private static void flattened(Element element, List<Block> out) {
        InlineRuns runs = new InlineRuns();
        runs.plain(element.text());
        flush(runs, out);
    }

    private static String language(Element pre) {
        for (Element candidate : List.of(pre, pre.selectFirst("code") == null ? pre : pre.selectFirst("code"))) {
            for (String cls : candidate.classNames()) {
                String lower = cls.toLowerCase(Locale.ROOT);
                if (lower.startsWith("language-")) {
                    return cls.substring("language-".length());
                }
                if (lower.startsWith("lang-")) {
                    return cls.substring("lang-".length());
                }
            }
        }
        return "";
    }

    private static String preText(Element pre) {
        StringBuilder text = new StringBuilder();
        for (Node node : pre.childNodes()) {
            appendPre(node, text);
        }
        String code = text.toString();
        if (code.startsWith("\n")) {
            code = code.substring(1);
        }
        return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    }

    /** Keeps the whitespace of preformatted text, turning {@code <br>} into newlines, without recursion. */
    private static void appendPre(Node root, StringBuilder out) {
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (DROPPED.contains(tag(e))) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag(e).equals("br")) {
                        out.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private static String tag(Element element) {
        return element.normalName();
    }
}

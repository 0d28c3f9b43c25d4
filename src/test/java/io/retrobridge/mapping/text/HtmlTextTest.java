package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    private final HtmlText journal = new HtmlText();
    private final HtmlText field = new HtmlText(false);

    private static JsonNode html(String html) {
        return TextNode.valueOf(html);
    }

    @Test
    void serviceNowHtmlBecomesCanonicalText() {
        String canonical = field.toCanonical(html("""
                <p>Root cause: <b>expired</b> <i>certificate</i> on
                   <a href="https://status.example.com/inc/42">the gateway</a>.</p>
                <p>Line one<br>line two</p>
                <ul><li>renew with <code>certbot renew</code></li><li>add alert<ol><li>warn at 14 days</li></ol></li></ul>
                <pre><code class="language-sh">certbot renew
                systemctl reload nginx</code></pre>"""));

        assertThat(canonical).isEqualTo("""
                Root cause: **expired** _certificate_ on [the gateway](https://status.example.com/inc/42).

                Line one
                line two

                - renew with `certbot renew`
                - add alert
                  1. warn at 14 days

                ```sh
                certbot renew
                systemctl reload nginx
                ```""");
    }

    @Test
    void htmlToCanonicalToHtmlKeepsParagraphsListsLinksAndCode() {
        String original = "<p>First <strong>bold</strong> and <a href=\"https://example.com/x\">link</a></p>"
                + "<ol start=\"3\"><li>three</li><li>four<ul><li>nested</li></ul></li></ol>"
                + "<p>Run <code>make</code></p><pre><code class=\"language-java\">int a = 1 &lt; 2;</code></pre>";

        String back = field.toExternal(field.toCanonical(html(original))).asText();

        Document doc = Jsoup.parseBodyFragment(back);
        assertThat(doc.select("p")).hasSize(2);
        assertThat(doc.select("p").first().text()).isEqualTo("First bold and link");
        assertThat(doc.select("strong").text()).isEqualTo("bold");
        assertThat(doc.select("a[href=https://example.com/x]").text()).isEqualTo("link");
        assertThat(doc.select("ol[start=3] > li")).hasSize(2);
        assertThat(doc.select("ol > li > ul > li").text()).isEqualTo("nested");
        assertThat(doc.select("p code").text()).isEqualTo("make");
        assertThat(doc.select("pre > code.language-java").first().wholeText()).isEqualTo("int a = 1 < 2;");
        assertThat(field.toCanonical(html(back))).isEqualTo(field.toCanonical(html(original)));
    }

    @Test
    void journalOutputIsWrappedForServiceNowAndReadsBack() {
        JsonNode out = journal.toExternal("Deployed **v2** to [prod](https://ci.example.com/7)");

        assertThat(out.asText()).isEqualTo("[code]<p>Deployed <strong>v2</strong> to "
                + "<a href=\"https://ci.example.com/7\" rel=\"nofollow noopener noreferrer\">prod</a></p>[/code]");
        assertThat(journal.toCanonical(out)).isEqualTo("Deployed **v2** to [prod](https://ci.example.com/7)");
    }

    @Test
    void journalTextOutsideCodeSectionsKeepsItsLines() {
        String entry = "Called the vendor.\nThey confirmed *the* outage.\n[code]<p>See <a href=\"https://x.example.com\">ticket</a></p>[/code]";

        assertThat(journal.toCanonical(html(entry)))
                .isEqualTo("Called the vendor.\nThey confirmed \\*the\\* outage.\n\nSee [ticket](https://x.example.com)");
    }

    @Test
    void plainJournalTextWithoutTagsKeepsItsLines() {
        assertThat(journal.toCanonical(html("a & b\n- first\n- second"))).isEqualTo("a & b\n\n- first\n- second");
    }

    @Test
    void scriptsStylesHandlersAndJavascriptLinksNeverSurvive() {
        String hostile = "<p onclick=\"steal()\">Hello<script>alert(1)</script><style>p{}</style>"
                + " <a href=\"javascript:alert(2)\">click</a> <a href=\" JaVaScRiPt:alert(3)\">again</a>"
                + " <img src=x onerror=alert(4) alt=\"chart\"><iframe src=\"https://evil.example\">x</iframe></p>";

        String canonical = field.toCanonical(html(hostile));

        assertThat(canonical).isEqualTo("Hello click again chart");
        String out = journal.toExternal(canonical + "\n\n<script>alert(5)</script> [x](javascript:alert(6)) "
                + "<img src=x onerror=alert(7)> [/code]<script>").asText();
        assertThat(out.toLowerCase()).doesNotContain("<script").doesNotContain("javascript:")
                .doesNotContain("<img").doesNotContain("onerror=\"").doesNotContain("onclick");
        assertThat(out).contains("&lt;script&gt;alert(5)&lt;/script&gt;").contains("&#91;/code]")
                .startsWith("[code]").endsWith("[/code]").containsOnlyOnce("[/code]");
    }

    @Test
    void hugeAndDeeplyNestedHtmlIsHandled() {
        String deep = "<ul><li>x".repeat(1000) + "</li></ul>".repeat(1000);
        assertThat(field.toCanonical(html(deep))).contains("x");

        String big = "<p>" + "word &lt;b&gt; ".repeat(120_000) + "</p>";
        String canonical = field.toCanonical(html(big));
        assertThat(canonical.length()).isGreaterThan(1_000_000);
        assertThat(field.toExternal(canonical).asText()).doesNotContain("<b>");
    }

    @Property(tries = 100)
    void canonicalToHtmlAndBackIsIdentity(@ForAll("documents") RichText document) {
        String canonical = CanonicalWriter.write(document);

        assertThat(journal.toCanonical(journal.toExternal(canonical))).isEqualTo(canonical);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<RichText> documents() {
        return CanonicalDocuments.documents();
    }
}

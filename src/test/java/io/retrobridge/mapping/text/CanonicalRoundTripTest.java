package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static io.retrobridge.mapping.text.AdfAssertions.assertValidAdf;
import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRoundTripTest {

    private final AdfText adf = new AdfText();

    @Provide
    Arbitrary<RichText> documents() {
        return CanonicalDocuments.documents();
    }

    @Property(tries = 300)
    void canonicalTextReadsBackAsTheDocumentItWasWrittenFrom(@ForAll("documents") RichText document) {
        String canonical = CanonicalWriter.write(document);

        assertThat(CanonicalReader.read(canonical)).as(canonical).isEqualTo(document);
    }

    /** A heading ending in # keeps it: CommonMark would otherwise read the #s as the closing sequence. */
    @net.jqwik.api.Example
    void aHeadingEndingInAHashKeepsIt() {
        for (String text : new String[] {"#", "Release ##", "C#"}) {
            RichText document = new RichText(java.util.List.of(new RichText.Heading(2,
                    java.util.List.of(new RichText.Text(text, false, false, null)))));

            assertThat(CanonicalReader.read(CanonicalWriter.write(document))).as(text).isEqualTo(document);
        }
    }

    @Property(tries = 300)
    void canonicalToAdfAndBackIsIdentity(@ForAll("documents") RichText document) {
        String canonical = CanonicalWriter.write(document);

        JsonNode external = adf.toExternal(canonical);

        assertValidAdf(external);
        assertThat(adf.toCanonical(external)).isEqualTo(canonical);
    }

    @Provide
    Arbitrary<RichText> awkward() {
        return CanonicalDocuments.awkwardParagraphs();
    }

    @Property(tries = 1000)
    void anyStyledJiraTextKeepsEveryCharacterAndSettlesAfterOneTrip(@ForAll("awkward") RichText document) {
        JsonNode jira = AdfWriter.write(document);

        String canonical = adf.toCanonical(jira);
        JsonNode back = adf.toExternal(canonical);

        assertValidAdf(back);
        assertThat(words(AdfReader.read(back))).as(canonical).isEqualTo(words(document));
        assertThat(adf.toCanonical(back)).isEqualTo(canonical);
    }

    private static String words(RichText document) {
        StringBuilder text = new StringBuilder();
        for (RichText.Block block : document.blocks()) {
            text.append(InlineRuns.plainText(((RichText.Paragraph) block).inlines())).append(' ');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}

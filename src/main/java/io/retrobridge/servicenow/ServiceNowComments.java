package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.TextFormat;
import io.retrobridge.mapping.text.HtmlText;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.TextConverter;
import io.retrobridge.sync.CommentGateway;
import io.retrobridge.sync.SideComment;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The journal of ServiceNow records (work notes and additional comments), in the mapping's table. */
@Component
class ServiceNowComments implements CommentGateway {

    private static final TextConverter JOURNAL_HTML = new HtmlText();
    private static final TextConverter PLAIN = new PlainText();

    private final ServiceNowClient servicenow;

    ServiceNowComments(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    @Override
    public List<SideComment> comments(String id, ActionItemMapping mapping) {
        return servicenow.journal(table(mapping), id).stream().map(this::comment).toList();
    }

    private SideComment comment(JournalLine line) {
        String value = line.value() == null ? "" : line.value();
        return new SideComment(line.sysId(), line.element(), line.createdBy(), firstLine(value),
                () -> servicenow.isIntegrationUser(line.createdBy()),
                () -> (value.toLowerCase(Locale.ROOT).contains("[code]") ? JOURNAL_HTML : PLAIN)
                        .toCanonical(TextNode.valueOf(value)));
    }

    /** The Table API answers with the record, not the journal entry: the copy is found by its marker afterwards. */
    @Override
    public Optional<String> addCopy(String id, String marker, String canonicalText, ActionItemMapping mapping) {
        CommentRule rule = mapping.comments();
        String text = marker + "\n" + journalText(rule, canonicalText);
        if (rule.serviceNowJournal() == CommentRule.JournalField.COMMENTS) {
            servicenow.addComment(table(mapping), id, text);
        } else {
            servicenow.addWorkNote(table(mapping), id, text);
        }
        return Optional.empty();
    }

    @Override
    public boolean hasCommentsToCarry(String id, String eventKind, String eventPayload, ActionItemMapping mapping) {
        String carried = mapping.comments().serviceNowJournal().element();
        return PolledRecords.journal(eventKind, eventPayload).orElseGet(() -> servicenow.journal(table(mapping), id))
                .stream().anyMatch(line -> line.element().equals(carried));
    }

    @Override
    public String displayKey(String id, ActionItemMapping mapping) {
        return servicenow.find(table(mapping), id, List.of("number"))
                .map(r -> r.fields().path("number").asText(id)).orElse(id);
    }

    private static String journalText(CommentRule rule, String canonical) {
        if (canonical.isBlank()) {
            return NO_TEXT;
        }
        if (rule.serviceNowText() == TextFormat.PLAIN) {
            return JournalText.literal(PLAIN.toExternal(canonical).asText());
        }
        return JOURNAL_HTML.toExternal(canonical).asText();
    }

    /** Markers sit on the first line of a copy. */
    private static String firstLine(String value) {
        String text = value.stripLeading();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String table(ActionItemMapping mapping) {
        return mapping.serviceNowScope().table();
    }
}

package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.flow.items.ItemLookup;
import io.retrobridge.sync.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Why did this record change?": the journal of one action item, newest first. The item may be named by its
 * Jira key or ServiceNow number as well as by the stored ids; a linked item answers with the history of both
 * sides, and a name RetroBridge has no history for is a 404 saying why.
 */
@RestController
class JournalController {

    @Schema(name = "JournalEntry")
    record EntryView(long id, Instant at, String action, String summary, List<String> ruleIds, String detail,
                     UUID linkId, String subjectSystem, String subjectId) {

        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.id(), entry.at(), entry.action().name(), entry.summary(), entry.ruleIds(),
                    entry.detail(), entry.linkId(), ItemNames.name(entry.subject().system()), entry.subject().id());
        }
    }

    /**
     * @param id    the name as asked
     * @param sides the stored id of each side the history covers, e.g. {@code {"jira":"10003","servicenow":"..."}}
     */
    record JournalView(String system, String id, UUID linkId, Map<String, String> sides, List<EntryView> entries) {
    }

    private static final Comparator<JournalEntry> NEWEST_FIRST = Comparator.comparing(JournalEntry::at)
            .thenComparingLong(JournalEntry::id).reversed();

    private final Journal journal;
    private final ItemNames names;

    JournalController(Journal journal, ItemNames names) {
        this.journal = journal;
        this.names = names;
    }

    @Operation(summary = "Why a record changed: the journal of one item, newest first")
    @GetMapping("/api/admin/journal")
    JournalView journal(@RequestParam String system, @RequestParam String id,
                        @RequestParam(defaultValue = "50") int limit) {
        int most = Paging.limit(limit);
        ItemLookup.KnownItem item = names.known(system, id);
        Map<Long, JournalEntry> entries = new LinkedHashMap<>();
        item.link().ifPresent(link -> journal.forLink(link.id()).forEach(entry -> entries.put(entry.id(), entry)));
        for (ExternalRef subject : item.subjects()) {
            journal.forSubject(subject, most).forEach(entry -> entries.put(entry.id(), entry));
        }
        List<EntryView> newest = entries.values().stream().sorted(NEWEST_FIRST).limit(most).map(EntryView::of).toList();
        Map<String, String> sides = new LinkedHashMap<>();
        item.subjects().forEach(subject -> sides.put(ItemNames.name(subject.system()), subject.id()));
        return new JournalView(item.asked().system().name().toLowerCase(Locale.ROOT), item.asked().id(),
                item.link().map(link -> link.id()).orElse(null), sides, newest);
    }
}

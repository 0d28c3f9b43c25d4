package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Why did this record change?": the journal of one Jira issue or ServiceNow record, newest first. */
@RestController
class JournalController {

    record EntryView(long id, Instant at, String action, String summary, List<String> ruleIds, String detail,
                     UUID linkId) {

        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.id(), entry.at(), entry.action().name(), entry.summary(), entry.ruleIds(),
                    entry.detail(), entry.linkId());
        }
    }

    record JournalView(String system, String id, List<EntryView> entries) {
    }

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/api/admin/journal")
    JournalView journal(@RequestParam String system, @RequestParam String id,
                        @RequestParam(defaultValue = "50") int limit) {
        ExternalRef subject;
        try {
            subject = new ExternalRef(system(system), id);
        } catch (IllegalArgumentException e) {
            throw BadAdminRequestException.badRequest(e.getMessage());
        }
        List<EntryView> entries = journal.forSubject(subject, Paging.limit(limit)).stream().map(EntryView::of).toList();
        return new JournalView(subject.system().name().toLowerCase(Locale.ROOT), subject.id(), entries);
    }

    private static ExternalSystem system(String name) {
        return Arrays.stream(ExternalSystem.values())
                .filter(system -> system.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> BadAdminRequestException.badRequest("system '" + name + "' is not known; use one of: "
                        + String.join(", ", Arrays.stream(ExternalSystem.values())
                        .map(system -> system.name().toLowerCase(Locale.ROOT)).toList()) + "."));
    }
}

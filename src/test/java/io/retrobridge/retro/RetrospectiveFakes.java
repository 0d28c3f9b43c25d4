package io.retrobridge.retro;

import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.sync.RetrospectiveProblems;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory stand-ins for the ports the retrospective opener works through. */
final class RetrospectiveFakes {

    private RetrospectiveFakes() {
    }

    /** The journal and the write intents in one. */
    static final class Records implements Journal, WriteIntents {
        final List<JournalEntry> entries = new ArrayList<>();
        final List<WriteIntent> intents = new ArrayList<>();

        @Override
        public JournalEntry append(JournalEntry entry) {
            JournalEntry stored = entry.withId(entries.size() + 1);
            entries.add(stored);
            return stored;
        }

        @Override
        public List<JournalEntry> forSubject(ExternalRef subject, int limit) {
            return entries.stream().filter(e -> e.subject().equals(subject)).toList();
        }

        @Override
        public List<JournalEntry> forLink(UUID linkId) {
            return List.of();
        }

        @Override
        public WriteIntent announce(JournalEntry entry, WriteIntent.Operation operation, ExternalSystem target,
                                    String targetId, String marker) {
            JournalEntry stored = append(entry);
            WriteIntent intent = new WriteIntent(stored.id(), entry.at(), entry.subject(), operation, target, targetId,
                    marker, null);
            intents.add(intent);
            return intent;
        }

        @Override
        public List<WriteIntent> openFor(String marker) {
            return intents.stream().filter(i -> i.isOpen() && i.marker().equals(marker)).toList();
        }

        @Override
        public List<WriteIntent> open(int limit) {
            return intents.stream().filter(WriteIntent::isOpen).limit(limit).toList();
        }

        @Override
        public Optional<JournalEntry> settle(List<WriteIntent> settled, Instant at, JournalEntry outcome) {
            intents.replaceAll(i -> settled.stream().anyMatch(s -> s.journalId() == i.journalId())
                    ? new WriteIntent(i.journalId(), i.attemptedAt(), i.subject(), i.operation(), i.target(),
                    i.targetId(), i.marker(), at) : i);
            return Optional.of(append(outcome));
        }
    }

    /** A Jira whose search may not show new issues yet, and whose create answer may be lost. */
    static final class Issues implements RetrospectiveIssues {
        final List<Map<String, Object>> created = new ArrayList<>();
        boolean searchShowsNewIssues = true;
        boolean loseNextAnswer;

        @Override
        public Optional<Issue> findOurs(String project, String marker) {
            return searchShowsNewIssues ? created.stream().filter(i -> ((List<?>) i.get("labels")).contains(marker))
                    .findFirst().map(Issues::issue) : Optional.empty();
        }

        @Override
        public Issue open(String project, String issueType, String summary, List<String> labels, String adf) {
            Map<String, Object> issue = Map.of("id", String.valueOf(10000 + created.size()),
                    "key", project + "-" + (created.size() + 1), "project", project, "issueType", issueType,
                    "summary", summary, "labels", labels, "description", adf);
            created.add(issue);
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new IllegalStateException("the answer was lost");
            }
            return issue(issue);
        }

        @Override
        public Optional<Issue> find(String idOrKey) {
            return created.stream().filter(i -> i.get("id").equals(idOrKey) || i.get("key").equals(idOrKey))
                    .findFirst().map(Issues::issue);
        }

        @Override
        public String browseUrl(String key) {
            return "https://jira.example/browse/" + key;
        }

        private static Issue issue(Map<String, Object> issue) {
            return new Issue((String) issue.get("id"), (String) issue.get("key"),
                    "https://jira.example/browse/" + issue.get("key"));
        }
    }

    static final class Problems implements RetrospectiveProblems {
        final Map<String, String> changes = new LinkedHashMap<>();
        final List<Map<String, String>> created = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        @Override
        public Optional<String> changeSysId(String changeNumber) {
            return Optional.ofNullable(changes.get(changeNumber));
        }

        @Override
        public Optional<Problem> findOurs(String table, String marker) {
            return created.stream().filter(p -> p.get("correlation_id").equals(marker)).findFirst()
                    .map(p -> problem(table, p));
        }

        @Override
        public Optional<Problem> openFor(String table, String changeField, String changeSysId) {
            return Optional.empty();
        }

        @Override
        public Problem open(String table, String shortDescription, String description, String changeField,
                            String changeSysId, String marker) {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("sys_id", "sys" + created.size());
            problem.put("number", "PRB00" + (created.size() + 1));
            problem.put("table", table);
            problem.put("short_description", shortDescription);
            problem.put("description", description);
            problem.put("change_field", changeField);
            problem.put("change", changeSysId);
            problem.put("correlation_id", marker);
            created.add(problem);
            return problem(table, problem);
        }

        @Override
        public boolean noteJiraIssue(String table, String sysId, String text, String jiraUrl) {
            if (notes.stream().anyMatch(n -> n.contains(jiraUrl))) {
                return false;
            }
            return notes.add(text);
        }

        @Override
        public List<Task> tasksUnder(String sysId) {
            return List.of();
        }

        @Override
        public String browseUrl(String table, String sysId) {
            return "https://sn.example/" + table + "/" + sysId;
        }

        private Problem problem(String table, Map<String, String> p) {
            return new Problem(p.get("sys_id"), p.get("number"), browseUrl(table, p.get("sys_id")));
        }
    }

    static final class Changes implements ChangeRecordStore {
        final List<ChangeStateMove> moves = new ArrayList<>();

        @Override
        public Optional<ChangeRecord> save(ChangeRecord change) {
            return Optional.empty();
        }

        @Override
        public Optional<ChangeRecord> findByNumber(String number) {
            return Optional.empty();
        }

        @Override
        public List<ChangeStateMove> stateMoves(String number) {
            return moves.stream().filter(m -> m.changeNumber().equals(number)).toList();
        }
    }
}

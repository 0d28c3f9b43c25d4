package io.retrobridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the gate phase puts in the connector's store: {@code applications} applications with {@code items} open
 * follow-up items between them, spread as a real estate would be (most applications with a few items, one in ten
 * with dozens, one in a hundred with hundreds), two to six retrospectives each, every one read by the follow-up
 * refresh; some items past their due date, about half of those escalated to a board, and older escalations resolved.
 * One application in ten is named in the high tier of the gates.yaml written beside it (the ones with the most
 * items among them). Rows are written with SQL matching the migrations and the stores' formats, in batches, since
 * going through the stores one item at a time would take many minutes; the same seed gives the same estate.
 */
final class GateSeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 2_000;
    private static final String[] FAILURE_MODES = {"config-drift", "capacity", "dependency-timeout", "bad-migration",
            "cert-expiry"};

    private final int applications;
    private final int items;
    /** Items per application, summing to {@code items}. */
    private final int[] itemsOf;
    /** Retrospectives per application. */
    private final int[] retrospectivesOf;
    private final long seed;

    record Written(int applications, int retrospectives, int items, int overdue, int escalated,
            int resolvedEscalations, int highTier, int mostItems, double seconds) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("applications", applications);
            map.put("retrospectives", retrospectives);
            map.put("openItems", items);
            map.put("overdueItems", overdue);
            map.put("escalatedUnresolved", escalated);
            map.put("escalationsResolved", resolvedEscalations);
            map.put("highTierApplications", highTier);
            map.put("mostItemsOfOneApplication", mostItems);
            map.put("seedSeconds", BackfillPhase.round(seconds));
            return map;
        }
    }

    GateSeed(int applications, int items, long seed) {
        if (applications < 10 || items < applications) {
            throw new IllegalArgumentException("the gate phase needs at least 10 applications and one item each, got "
                    + applications + " applications and " + items + " items");
        }
        this.applications = applications;
        this.items = items;
        this.seed = seed;
        Random random = new Random(seed);
        itemsOf = new int[applications];
        retrospectivesOf = new int[applications];
        int[] raw = new int[applications];
        long rawSum = 0;
        for (int a = 0; a < applications; a++) {
            // Before scaling, about 43% / 27% / 30% of the items for light, medium and heavy applications.
            raw[a] = a % 100 == 0 ? 150 + random.nextInt(301) : a % 10 == 0 ? 15 + random.nextInt(31)
                    : 1 + random.nextInt(9);
            rawSum += raw[a];
            retrospectivesOf[a] = 2 + random.nextInt(a % 100 == 0 ? 7 : 5);
        }
        long sum = 0;
        for (int a = 0; a < applications; a++) {
            itemsOf[a] = (int) Math.max(1, Math.round(raw[a] * (double) items / rawSum));
            sum += itemsOf[a];
        }
        // Exactly `items`: light applications take or give the difference one item at a time.
        while (sum != items) {
            int a = random.nextInt(applications);
            if (a % 10 == 0) {
                continue;
            }
            if (sum < items) {
                itemsOf[a]++;
                sum++;
            } else if (itemsOf[a] > 1) {
                itemsOf[a]--;
                sum--;
            }
        }
    }

    static String application(int index) {
        return String.format("app-%05d", index);
    }

    /** An application the store has never heard of, for the baseline over HTTP. */
    static String unknownApplication(int index) {
        return String.format("new-app-%05d", index);
    }

    int applications() {
        return applications;
    }

    int itemsOf(int application) {
        return itemsOf[application];
    }

    static boolean highTier(int application) {
        return application % 10 == 0;
    }

    /**
     * The shipped mappings with a gates.yaml whose high tier names every tenth application; everything else falls
     * to the default tier. Answers the folder.
     */
    Path writeMappings(Path project, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        try (Stream<Path> files = Files.walk(project.resolve("mappings"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(project.resolve("mappings").relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        StringBuilder yaml = new StringBuilder("""
                # yaml-language-server: $schema=schema/gates.schema.json
                # Written by the benchmark's gate phase: the shipped tiers, every tenth application high.
                version: 1
                default-tier: standard
                applications:
                """);
        for (int a = 0; a < applications; a++) {
            if (highTier(a)) {
                yaml.append("  ").append(application(a)).append(": high\n");
            }
        }
        yaml.append("""
                tiers:
                  high:
                    environments: [production]
                    mode: enforce
                    when-undecided: deny
                    rules:
                      - id: open-immediate-fixes
                        when: open-corrective-actions
                        scope: [immediate-fix]
                        last-retrospectives: 3
                        effect: block
                      - id: overdue-escalations
                        when: escalated-overdue
                        effect: block
                      - id: retrospective-without-actions
                        when: retrospective-without-actions
                        older-than: 2d
                        effect: warn
                      - id: recurring-failure-mode
                        when: failure-mode-recurred
                        last-retrospectives: 3
                        effect: block
                  standard:
                    environments: [production]
                    mode: warn
                    when-undecided: allow
                    rules:
                      - id: standard-open-immediate-fixes
                        when: open-corrective-actions
                        scope: [immediate-fix]
                        effect: block
                      - id: standard-overdue-escalations
                        when: escalated-overdue
                        effect: warn
                gates:
                  prod: {mode: enforce}
                  canary: {mode: warn}
                """);
        Files.writeString(dir.resolve("gates.yaml"), yaml);
        return dir;
    }

    /** Writes the estate into a migrated, empty store; {@code label} names it in the progress lines. */
    Written write(Connection db, Instant now, String label) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(seed + 1);
        db.setAutoCommit(false);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int retrospectives = 0;
        int item = 0;
        int overdue = 0;
        int escalated = 0;
        int resolved = 0;
        int mostItems = 0;
        int pending = 0;
        // Items were opened over years, across applications: an application's item numbers are scattered.
        int[] numbers = java.util.stream.IntStream.range(0, items).toArray();
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = numbers[i];
            numbers[i] = numbers[j];
            numbers[j] = swap;
        }
        try (Statements sql = new Statements(db)) {
            for (int a = 0; a < applications; a++) {
                mostItems = Math.max(mostItems, itemsOf[a]);
                UUID[] retros = new UUID[retrospectivesOf[a]];
                for (int r = 0; r < retros.length; r++) {
                    retros[r] = UUID.randomUUID();
                    OffsetDateTime opened = now.minusSeconds(3_600L * (24 + random.nextInt(24 * 365)))
                            .atOffset(ZoneOffset.UTC);
                    sql.retrospective(retros[r], retrospectives++, application(a), opened);
                    pending++;
                }
                for (int i = 0; i < itemsOf[a]; i++, item++) {
                    boolean pastDue = random.nextInt(100) < 12;
                    LocalDate due = pastDue ? today.minusDays(1 + random.nextInt(60)) : today.plusDays(1 + random.nextInt(90));
                    boolean escalation = pastDue && random.nextBoolean();
                    overdue += pastDue ? 1 : 0;
                    escalated += escalation ? 1 : 0;
                    Map<String, String> fields = new TreeMap<>();
                    fields.put("title", "Follow-up " + numbers[item] + " of " + application(a));
                    fields.put("status", random.nextInt(10) < 7 ? "OPEN" : "IN_PROGRESS");
                    fields.put("priority", random.nextInt(4) == 0 ? "HIGH" : "MEDIUM");
                    fields.put("due-date", due.toString());
                    fields.put("labels", random.nextInt(4) == 0 ? "retro-action,hotfix" : "retro-action");
                    if (random.nextInt(10) < 3) {
                        fields.put("failure-mode", FAILURE_MODES[random.nextInt(FAILURE_MODES.length)]);
                    }
                    int number = numbers[item];
                    String key = correlationId(number);
                    sql.item(number, key, retros[random.nextInt(retros.length)], fields, due, escalation, now);
                    if (escalation) {
                        sql.escalation(key, "overdue-fixes", "board", "board-" + random.nextInt(20),
                                random.nextBoolean() ? "RAISED" : "CLAIMED", now);
                    }
                    if (random.nextInt(20) == 0) {
                        sql.escalation(key, "overdue-fixes", "remind", null, "RESOLVED", now);
                        resolved++;
                    }
                    pending++;
                }
                if (pending >= BATCH || a == applications - 1) {
                    sql.flush();
                    db.commit();
                    pending = 0;
                }
                if ((a + 1) % 1_000 == 0) {
                    Progress.say("gate %s: %,d of %,d applications written (%,d items)", label, a + 1, applications, item);
                }
            }
        }
        db.setAutoCommit(true);
        int highTier = (int) java.util.stream.IntStream.range(0, applications).filter(GateSeed::highTier).count();
        return new Written(applications, retrospectives, item, overdue, escalated, resolved, highTier, mostItems,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * An item's correlation id shaped as the connector makes them ("rb-" and 12 hex digits of a digest): numbered
     * keys such as rb-g000012345 hash into clusters no real store has, which slows every map keyed by item.
     */
    static String correlationId(int number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("bench-item-" + number).getBytes(StandardCharsets.UTF_8));
            return "rb-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The insert statements, batched; each flush sends parents before children. */
    private static final class Statements implements AutoCloseable {

        private final List<PreparedStatement> inOrder;
        private final PreparedStatement retrospective;
        private final PreparedStatement refresh;
        private final PreparedStatement followUp;
        private final PreparedStatement link;
        private final PreparedStatement externalId;
        private final PreparedStatement snapshot;
        private final PreparedStatement fact;
        private final PreparedStatement escalation;

        Statements(Connection db) throws SQLException {
            retrospective = db.prepareStatement("INSERT INTO retrospectives (id, trigger_key, rule_id, tier, reason,"
                    + " application, environment, version, change_number, program, due, created_at, servicenow_table,"
                    + " servicenow_sys_id, servicenow_number, change_sys_id, rfc_note, jira_issue_id, jira_key, linked_at)"
                    + " VALUES (?, ?, 'failed-production-change', 'deep-dive', 'change closed unsuccessful', ?,"
                    + " 'production', ?, ?, NULL, ?, ?, 'problem', ?, ?, NULL, 'no change', ?, ?, ?)");
            refresh = db.prepareStatement("INSERT INTO retrospective_follow_up_refreshes (retrospective_id,"
                    + " refreshed_at) VALUES (?, ?)");
            followUp = db.prepareStatement("INSERT INTO retrospective_follow_ups (retrospective_id, task_sys_id)"
                    + " VALUES (?, ?)");
            link = db.prepareStatement("INSERT INTO links (id, kind, correlation_id, version, created_at, updated_at)"
                    + " VALUES (?, 'ACTION_ITEM', ?, 0, ?, ?)");
            externalId = db.prepareStatement("INSERT INTO link_external_ids (link_id, external_system, external_id)"
                    + " VALUES (?, ?, ?)");
            snapshot = db.prepareStatement("INSERT INTO link_snapshots (link_id, external_system, fields_json,"
                    + " taken_at, item_status, item_due_date, item_failure_mode) VALUES (?, ?, ?, ?, ?, ?, ?)");
            fact = db.prepareStatement("INSERT INTO follow_up_facts (item_key, display_key, title, retrospective,"
                    + " team, owner_email, due_date, status, completed_on, escalated, updated_at)"
                    + " VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, ?, ?)");
            escalation = db.prepareStatement("INSERT INTO escalations (id, item_key, ladder_id, step_id, board_id,"
                    + " kind, ticket_system, ticket_id, ticket_key, group_key, marker, state, days_overdue, claimed_at,"
                    + " raised_at, parked_at, resolved_at, note) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?,"
                    + " ?, 5, ?, ?, NULL, ?, 'overdue')");
            inOrder = List.of(retrospective, refresh, followUp, link, externalId, snapshot, fact, escalation);
        }

        void retrospective(UUID id, int n, String application, OffsetDateTime opened) throws SQLException {
            retrospective.setObject(1, id);
            retrospective.setString(2, "change:CHG" + String.format("%07d", n));
            retrospective.setString(3, application);
            retrospective.setString(4, "1." + (n % 50) + ".0");
            retrospective.setString(5, "CHG" + String.format("%07d", n));
            retrospective.setObject(6, opened.toLocalDate().plusDays(14));
            retrospective.setObject(7, opened);
            retrospective.setString(8, String.format("%032x", 0x7000_0000L + n));
            retrospective.setString(9, "PRB" + String.format("%07d", n));
            retrospective.setString(10, String.valueOf(9_000_000 + n));
            retrospective.setString(11, "RETRO-" + n);
            retrospective.setObject(12, opened.plusMinutes(5));
            retrospective.addBatch();
            refresh.setObject(1, id);
            refresh.setObject(2, opened.plusHours(1));
            refresh.addBatch();
        }

        void item(int n, String key, UUID retrospectiveId, Map<String, String> fields, LocalDate due, boolean escalated,
                Instant now) throws SQLException {
            String sysId = String.format("%032x", n);
            UUID id = UUID.randomUUID();
            OffsetDateTime at = now.minusSeconds(86_400).atOffset(ZoneOffset.UTC);
            followUp.setObject(1, retrospectiveId);
            followUp.setString(2, sysId);
            followUp.addBatch();
            link.setObject(1, id);
            link.setString(2, key);
            link.setObject(3, at);
            link.setObject(4, at);
            link.addBatch();
            String json = json(fields);
            for (String system : new String[] {"JIRA", "SERVICENOW"}) {
                externalId.setObject(1, id);
                externalId.setString(2, system);
                externalId.setString(3, system.equals("JIRA") ? String.valueOf(7_000_000 + n) : sysId);
                externalId.addBatch();
                snapshot.setObject(1, id);
                snapshot.setString(2, system);
                snapshot.setString(3, json);
                snapshot.setObject(4, at);
                // The item state is kept beside the JSON, as the link store writes it.
                snapshot.setString(5, fields.get("status"));
                snapshot.setString(6, fields.get("due-date"));
                snapshot.setString(7, fields.get("failure-mode"));
                snapshot.addBatch();
            }
            fact.setString(1, key);
            fact.setString(2, "PTASK" + String.format("%07d", n));
            fact.setString(3, fields.get("title"));
            fact.setObject(4, due);
            fact.setString(5, fields.get("status").equals("OPEN") ? "open" : "in-progress");
            fact.setBoolean(6, escalated);
            fact.setObject(7, at);
            fact.addBatch();
        }

        void escalation(String key, String ladder, String step, String board, String state, Instant now)
                throws SQLException {
            OffsetDateTime claimed = now.minusSeconds(3 * 86_400L).atOffset(ZoneOffset.UTC);
            escalation.setObject(1, UUID.randomUUID());
            escalation.setString(2, key);
            escalation.setString(3, ladder);
            escalation.setString(4, step);
            escalation.setString(5, board);
            escalation.setString(6, board == null ? "remind" : "ticket");
            escalation.setString(7, "rb-esc-" + key + "-" + step);
            escalation.setString(8, state);
            escalation.setObject(9, claimed);
            timestamp(escalation, 10, state.equals("CLAIMED") ? null : claimed.plusMinutes(1));
            timestamp(escalation, 11, state.equals("RESOLVED") ? claimed.plusDays(1) : null);
            escalation.addBatch();
        }

        private static void timestamp(PreparedStatement statement, int index, OffsetDateTime value)
                throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, value);
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : inOrder) {
                statement.executeBatch();
            }
        }

        private static String json(Map<String, String> fields) {
            try {
                return JSON.writeValueAsString(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : inOrder) {
                statement.close();
            }
        }
    }
}

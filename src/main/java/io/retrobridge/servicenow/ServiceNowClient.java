package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * ServiceNow's Table API as the sync flow uses it: read a record, poll what changed since a watermark,
 * find our own records by correlation id, create, update, add work notes and comments, read the
 * journal, and find users.
 *
 * <p>Every read asks for raw values ({@code sysparm_display_value=false}) with references as plain
 * sys_ids ({@code sysparm_exclude_reference_link=true}) and names its fields ({@code sysparm_fields}:
 * those asked for plus sys_id, sys_updated_on and sys_mod_count), so answers do not depend on the
 * calling user's time zone or on columns added to the table. Table names, sys_ids, field names and
 * query values are checked before anything is sent; a bad one is an {@link IllegalArgumentException}
 * and nothing reaches ServiceNow. A failed call is a {@link RemoteCallException} carrying ServiceNow's
 * own error message.
 */
@Component
public class ServiceNowClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceNowClient.class);

    /** Reference fields to sys_user on the task tables we sync; a user_name written to one is turned into a sys_id. */
    public static final Set<String> DEFAULT_USER_REFERENCE_FIELDS = Set.of("assigned_to", "opened_by", "closed_by",
            "caller_id", "requested_by", "resolved_by", "started_by", "cab_delegate");
    /** The Table API's own ceiling for sysparm_limit. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** How long a user lookup is remembered unless {@link #forgetCachedUsers()} is called first. */
    public static final Duration USER_CACHE_LIFETIME = Duration.ofMinutes(10);

    private static final String TABLE_API = "/api/now/table/";
    private static final List<String> AUDIT_FIELDS = List.of("sys_id", "sys_updated_on", "sys_mod_count");
    private static final List<String> JOURNAL_FIELDS =
            List.of("sys_id", "element", "value", "sys_created_on", "sys_created_by");
    private static final int JOURNAL_PAGE_SIZE = 1000;

    private final RemoteSystem servicenow;
    private final Set<String> userReferenceFields;
    private final ObjectMapper json = new ObjectMapper();
    private final TableApiAnswers answers;
    private final UserDirectory users;

    @Autowired
    public ServiceNowClient(@Qualifier(ServiceNowConnectionConfiguration.REMOTE_SYSTEM) RemoteSystem servicenow) {
        this(servicenow, DEFAULT_USER_REFERENCE_FIELDS, Clock.systemUTC());
    }

    /**
     * @param userReferenceFields fields that reference sys_user: a value written to one that is not a
     *                            sys_id is taken as a user_name and resolved first
     */
    public ServiceNowClient(RemoteSystem servicenow, Set<String> userReferenceFields, Clock clock) {
        this.servicenow = Objects.requireNonNull(servicenow, "servicenow");
        this.userReferenceFields = Set.copyOf(userReferenceFields);
        this.answers = new TableApiAnswers(servicenow.name(), json);
        this.users = new UserDirectory(this::userSysIds, clock, USER_CACHE_LIFETIME);
    }

    /**
     * The user name ServiceNow writes into {@code sys_created_by} of what we create: the configured user (basic
     * auth or the OAuth password grant). Empty with OAuth client credentials, whose acting user the connector
     * is not told. Markers on records and journal entries count only when this user wrote them.
     */
    public Optional<String> integrationUser() {
        String principal = servicenow.principal();
        return principal == null || principal.isBlank() || principal.startsWith("OAuth client ")
                ? Optional.empty() : Optional.of(principal);
    }

    /**
     * Whether {@code createdBy} (a {@code sys_created_by}) is the connector's user. With no known user (OAuth
     * client credentials) every author is taken for ours, as before authors were checked, so our own copies are
     * never copied back.
     */
    public boolean isIntegrationUser(String createdBy) {
        return integrationUser().map(user -> user.equalsIgnoreCase(createdBy == null ? "" : createdBy)).orElse(true);
    }

    /** The record with this sys_id, or empty when ServiceNow has none (404: deleted, or hidden by an ACL). */
    public Optional<ServiceNowRecord> find(String table, String sysId, Collection<String> fields) {
        List<String> asked = asked(fields);
        OutboundRequest request = raw(OutboundRequest.get(recordPath(table, sysId)), withAudit(asked));
        OutboundResponse response = servicenow.exchange(request);
        if (response.status() == 404) {
            return Optional.empty();
        }
        succeeded(request, response);
        return Optional.of(answers.record(request, response, answers.result(request, response), asked));
    }

    /**
     * One page of the records in scope updated at or after {@code since}, oldest change first:
     * {@code <scope>^sys_updated_on>=<since>^ORDERBYsys_updated_on^ORDERBYsys_id}. {@code since} is cut
     * to the whole second ServiceNow stores, so the record updated in that very second is included;
     * callers de-duplicate by sys_id and sys_mod_count.
     *
     * @param scopeQuery the mapping's encoded query (e.g. {@code active=true}), or null/blank for the whole table
     * <p>Offsets are exact only while nothing in scope changes during the poll; {@link #allUpdatedSince}
     * pages safely while ServiceNow is being written to.
     *
     * @param offset     0 for the first page, then the previous page's {@link ServiceNowPage#nextOffset()}
     * @param limit      page size, 1 to {@value #MAX_PAGE_SIZE}
     */
    public ServiceNowPage updatedSince(String table, String scopeQuery, Instant since, Collection<String> fields,
            int offset, int limit) {
        Objects.requireNonNull(since, "since");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        String query = EncodedQuery.query().fragment(scopeQuery).atOrAfter("sys_updated_on", since)
                .orderBy("sys_updated_on").orderBy("sys_id").build();
        List<String> asked = asked(fields);
        OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query),
                withAudit(asked))
                .withQuery("sysparm_limit", limit)
                .withQuery("sysparm_offset", offset);
        OutboundResponse response = succeeded(request, servicenow.exchange(request));
        List<ServiceNowRecord> records = records(request, response, asked);
        return new ServiceNowPage(records, offset + records.size(),
                TableApiAnswers.hasMore(response, offset, records.size(), limit));
    }

    /**
     * Every record in scope updated at or after {@code since}, oldest change first, each version
     * (sys_id and sys_mod_count) once. Pages by keyset, (sys_updated_on, sys_id), rather than by a
     * growing offset: a record updated while the poll runs moves to the end of the order, which shifts
     * everything after it and would make a plain offset skip one unread record for good.
     *
     * @param pageSize records per request, 1 to {@value #MAX_PAGE_SIZE}
     */
    public List<ServiceNowRecord> allUpdatedSince(String table, String scopeQuery, Instant since,
            Collection<String> fields, int pageSize) {
        List<ServiceNowRecord> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant from = Objects.requireNonNull(since, "since").truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            ServiceNowPage page = updatedSince(table, scopeQuery, from, fields, 0, pageSize);
            for (ServiceNowRecord record : page.records()) {
                if (seen.add(record.sysId() + "#" + record.modCount())) {
                    all.add(record);
                }
            }
            if (!page.hasMore()) {
                return all;
            }
            Instant last = page.records().get(page.records().size() - 1).updatedOn();
            if (last.equals(from)) {
                // A whole page within one second: read that second by sys_id, then go on from the next one.
                // An offset into the second would skip a record when one read already is edited meanwhile.
                readSecond(table, scopeQuery, from, fields, pageSize, record -> {
                    if (seen.add(record.sysId() + "#" + record.modCount())) {
                        all.add(record);
                    }
                });
                from = from.plusSeconds(1);
            } else {
                from = last; // start again at the newest second read; what is read twice is dropped above
            }
        }
    }

    /** Every record in scope updated within {@code second}, by sys_id, each page from the last sys_id read. */
    private void readSecond(String table, String scopeQuery, Instant second, Collection<String> fields, int pageSize,
            Consumer<ServiceNowRecord> each) {
        List<String> asked = asked(fields);
        String afterSysId = null;
        while (true) {
            EncodedQuery query = EncodedQuery.query().fragment(scopeQuery).at("sys_updated_on", second);
            if (afterSysId != null) {
                query.greaterThan("sys_id", afterSysId);
            }
            OutboundRequest request = raw(OutboundRequest.get(tablePath(table))
                    .withQuery("sysparm_query", query.orderBy("sys_id").build()), withAudit(asked))
                    .withQuery("sysparm_limit", pageSize)
                    .withQuery("sysparm_offset", 0);
            OutboundResponse response = succeeded(request, servicenow.exchange(request));
            List<ServiceNowRecord> records = records(request, response, asked);
            records.forEach(each);
            if (records.isEmpty() || !TableApiAnswers.hasMore(response, 0, records.size(), pageSize)) {
                return;
            }
            afterSysId = records.get(records.size() - 1).sysId();
        }
    }

    /**
     * Whether record {@code sysId} of {@code table} is within {@code scopeQuery} (the mapping's encoded query;
     * null or blank means the whole table). ServiceNow evaluates the query, so the answer is exactly what a poll
     * with that scope would see; the sys_id is added as an escaped condition, never spliced in.
     */
    public boolean inScope(String table, String sysId, String scopeQuery) {
        String query = EncodedQuery.query().fragment(scopeQuery).eq("sys_id", sysId).build();
        List<String> asked = asked(List.of("sys_id"));
        OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query),
                withAudit(asked))
                .withQuery("sysparm_limit", 1);
        return !records(request, succeeded(request, servicenow.exchange(request)), asked).isEmpty();
    }

    /**
     * The record people call {@code number} (e.g. PTASK0010002), or empty when the table has none. The number is
     * added to the query as an escaped condition, never spliced in.
     */
    public Optional<ServiceNowRecord> findByNumber(String table, String number, Collection<String> fields) {
        String query = EncodedQuery.query().eq("number", number).build();
        List<String> asked = asked(fields);
        OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query),
                withAudit(asked))
                .withQuery("sysparm_limit", 1);
        return records(request, succeeded(request, servicenow.exchange(request)), asked).stream().findFirst();
    }

    /**
     * The record we created with this correlation id. Should there be more than one (made by hand, or
     * before correlation ids were checked), the oldest is the one, and a warning says so.
     */
    public Optional<ServiceNowRecord> findByCorrelationId(String table, String correlationId, Collection<String> fields) {
        String query = EncodedQuery.query().eq("correlation_id", correlationId).orderBy("sys_created_on").build();
        List<String> asked = asked(fields);
        OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query),
                withAudit(asked))
                .withQuery("sysparm_limit", 2);
        List<ServiceNowRecord> found = records(request, succeeded(request, servicenow.exchange(request)), asked);
        if (found.size() > 1) {
            log.warn("More than one {} record carries correlation id {}; using the oldest, {}", table, correlationId,
                    found.get(0).sysId());
        }
        return found.stream().findFirst();
    }

    /**
     * The records carrying these correlation ids, as correlation id to sys_id, in one query per page:
     * {@code correlation_idINa,b,c^ORDERBYsys_created_on}, each id checked as any query value. Where several
     * records carry one id the oldest is the one, as {@link #findByCorrelationId} says.
     */
    public Map<String, String> sysIdsByCorrelationIds(String table, Collection<String> correlationIds) {
        Set<String> wanted = new LinkedHashSet<>(correlationIds);
        Map<String, String> found = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        String query = EncodedQuery.query().in("correlation_id", wanted).orderBy("sys_created_on").orderBy("sys_id")
                .build();
        List<String> asked = asked(List.of("correlation_id"));
        boolean more = true;
        for (int offset = 0; more; ) {
            OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query),
                    withAudit(asked))
                    .withQuery("sysparm_limit", JOURNAL_PAGE_SIZE)
                    .withQuery("sysparm_offset", offset);
            OutboundResponse response = succeeded(request, servicenow.exchange(request));
            List<ServiceNowRecord> records = records(request, response, asked);
            for (ServiceNowRecord record : records) {
                String correlationId = record.fields().path("correlation_id").asText("");
                if (wanted.contains(correlationId) && found.putIfAbsent(correlationId, record.sysId()) != null) {
                    log.warn("More than one {} record carries correlation id {}; using the oldest, {}", table,
                            correlationId, found.get(correlationId));
                }
            }
            more = TableApiAnswers.hasMore(response, offset, records.size(), JOURNAL_PAGE_SIZE);
            offset += records.size();
        }
        return found;
    }

    /**
     * Creates a record (POST) and returns it as stored, with the fields that were written. The caller
     * puts our {@code correlation_id} into {@code fields}. User references may be given by user_name.
     */
    public ServiceNowRecord create(String table, ObjectNode fields) {
        return create(table, fields, List.of());
    }

    /**
     * Creates a record as {@link #create(String, ObjectNode)} does, and asks the answer for {@code alsoAnswer}
     * too (e.g. {@code number}), so the caller needs no read after the write to know what it made.
     */
    public ServiceNowRecord create(String table, ObjectNode fields, Collection<String> alsoAnswer) {
        String path = tablePath(table);
        ObjectNode body = writable(fields);
        List<String> names = new ArrayList<>(names(body));
        names.addAll(alsoAnswer);
        List<String> written = asked(names);
        OutboundRequest request = writeOptions(OutboundRequest.post(path, body.toString()), withAudit(written));
        OutboundResponse response = succeeded(request, servicenow.exchange(request));
        JsonNode result = answers.result(request, response);
        String sysId = answers.sysIdOf(result);
        if (!TableApiNames.isSysId(sysId)) {
            // No sys_id: whether a record was made is unknown; the caller settles that by its correlation_id.
            return answers.record(request, response, result, written);
        }
        // The answer is the truth: the record with this sys_id was created, whatever else the answer lacks. A read
        // by sys_id is consistent, so it fills in what is missing; never a second create.
        try {
            ServiceNowRecord answered = answers.record(request, response, result, written);
            if (written.stream().allMatch(answered.fields()::has)) {
                return answered;
            }
        } catch (RemoteCallException incomplete) {
            log.debug("{} created {} in {} but its answer is incomplete ({}); reading it back", servicenow.name(),
                    sysId, table, incomplete.getMessage());
        }
        return find(table, sysId, written).orElseThrow(() -> RemoteCallException.forUnusableAnswer(servicenow.name(),
                request, response.status(), "it created " + sysId + " but the record cannot be read back"));
    }

    /**
     * Changes the given fields of a record (PATCH) and returns it as stored. User references may be
     * given by user_name (or, failing that, e-mail address).
     */
    public ServiceNowRecord update(String table, String sysId, ObjectNode fields) {
        String path = recordPath(table, sysId);
        ObjectNode body = writable(fields);
        List<String> written = asked(names(body));
        OutboundRequest request = writeOptions(OutboundRequest.patch(path, body.toString()), withAudit(written));
        OutboundResponse response = succeeded(request, servicenow.exchange(request));
        return answers.record(request, response, answers.result(request, response), written);
    }

    /** Adds a work note (seen by fulfillers only). */
    public void addWorkNote(String table, String sysId, String text) {
        addJournalEntry(table, sysId, "work_notes", text);
    }

    /** Adds an additional comment (seen by the caller too). */
    public void addComment(String table, String sysId, String text) {
        addJournalEntry(table, sysId, "comments", text);
    }

    /**
     * Every journal entry (work notes, comments) of a record, oldest first, read from sys_journal_field.
     * Entries are found by the record's sys_id alone: sys_ids are unique across tables, and the table
     * name stored beside an entry may be a parent table's (task) rather than the one we asked about.
     */
    public List<JournalLine> journal(String table, String sysId) {
        TableApiNames.table(table);
        String query = EncodedQuery.query().eq("element_id", TableApiNames.sysId(sysId))
                .orderBy("sys_created_on").build();
        List<JournalLine> lines = new ArrayList<>();
        boolean more = true;
        for (int offset = 0; more; ) {
            OutboundRequest request = raw(OutboundRequest.get(tablePath("sys_journal_field"))
                    .withQuery("sysparm_query", query), JOURNAL_FIELDS)
                    .withQuery("sysparm_limit", JOURNAL_PAGE_SIZE)
                    .withQuery("sysparm_offset", offset);
            OutboundResponse response = succeeded(request, servicenow.exchange(request));
            int before = lines.size();
            for (JsonNode entry : resultArray(request, response)) {
                lines.add(answers.journalLine(request, response, entry));
            }
            int read = lines.size() - before;
            more = TableApiAnswers.hasMore(response, offset, read, JOURNAL_PAGE_SIZE);
            offset += read;
        }
        return List.copyOf(lines);
    }

    /**
     * The journals of several records in one query per page ({@code element_idIN...}), by the record's sys_id, each
     * oldest first; a record without entries maps to an empty list.
     */
    public Map<String, List<JournalLine>> journals(Collection<String> sysIds) {
        Map<String, List<JournalLine>> journals = new LinkedHashMap<>();
        for (String sysId : sysIds) {
            journals.put(TableApiNames.sysId(sysId), new ArrayList<>());
        }
        if (journals.isEmpty()) {
            return journals;
        }
        String query = EncodedQuery.query().in("element_id", journals.keySet()).orderBy("sys_created_on")
                .orderBy("sys_id").build();
        List<String> fields = new ArrayList<>(JOURNAL_FIELDS);
        fields.add("element_id");
        boolean more = true;
        for (int offset = 0; more; ) {
            OutboundRequest request = raw(OutboundRequest.get(tablePath("sys_journal_field"))
                    .withQuery("sysparm_query", query), fields)
                    .withQuery("sysparm_limit", JOURNAL_PAGE_SIZE)
                    .withQuery("sysparm_offset", offset);
            OutboundResponse response = succeeded(request, servicenow.exchange(request));
            int read = 0;
            for (JsonNode entry : resultArray(request, response)) {
                read++;
                List<JournalLine> lines = journals.get(entry.path("element_id").asText(""));
                if (lines != null) {
                    lines.add(answers.journalLine(request, response, entry));
                }
            }
            more = TableApiAnswers.hasMore(response, offset, read, JOURNAL_PAGE_SIZE);
            offset += read;
        }
        journals.replaceAll((sysId, lines) -> List.copyOf(lines));
        return journals;
    }

    /** The sys_id of the one active user with this e-mail address; empty when there is none or more than one. */
    public Optional<String> userSysIdByEmail(String email) {
        return users.byEmail(email);
    }

    /** The sys_id of the user with this user_name. */
    public Optional<String> userSysIdByUserName(String userName) {
        return users.byUserName(userName);
    }

    /** Drops remembered user lookups, e.g. at the start of a sync run. */
    public void forgetCachedUsers() {
        users.forget();
    }

    private void addJournalEntry(String table, String sysId, String element, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a " + element + " entry needs text; ServiceNow ignores a blank one");
        }
        ObjectNode body = json.createObjectNode().put(element, text);
        OutboundRequest request = writeOptions(OutboundRequest.patch(recordPath(table, sysId), body.toString()),
                AUDIT_FIELDS);
        succeeded(request, servicenow.exchange(request));
    }

    /** sys_ids of the users an encoded query on sys_user matches; two at most, to tell one from several. */
    private List<String> userSysIds(String query) {
        OutboundRequest request = raw(OutboundRequest.get(tablePath("sys_user")).withQuery("sysparm_query", query),
                List.of("sys_id"))
                .withQuery("sysparm_limit", 2);
        List<String> sysIds = new ArrayList<>();
        for (JsonNode user : resultArray(request, succeeded(request, servicenow.exchange(request)))) {
            sysIds.add(user.path("sys_id").asText());
        }
        return sysIds;
    }

    private List<ServiceNowRecord> records(OutboundRequest request, OutboundResponse response, List<String> asked) {
        List<ServiceNowRecord> records = new ArrayList<>();
        for (JsonNode node : resultArray(request, response)) {
            records.add(answers.record(request, response, node, asked));
        }
        return records;
    }

    private JsonNode resultArray(OutboundRequest request, OutboundResponse response) {
        JsonNode result = answers.result(request, response);
        if (!result.isArray()) {
            throw RemoteCallException.forUnusableAnswer(servicenow.name(), request, response.status(),
                    "its result is not a list");
        }
        return result;
    }

    /** Non-2xx answers become a RemoteCallException that carries ServiceNow's own message. */
    private OutboundResponse succeeded(OutboundRequest request, OutboundResponse response) {
        log.debug("{} {} answered {}", servicenow.name(), request.describe(), response.status());
        if (!response.isSuccess()) {
            throw RemoteCallException.forResponse(servicenow.name(), request, response, answers.errorReason(response));
        }
        return response;
    }

    /** Raw values, references as plain sys_ids, and exactly the fields asked for. */
    private static OutboundRequest raw(OutboundRequest request, List<String> fields) {
        return request.withQuery("sysparm_fields", String.join(",", fields))
                .withQuery("sysparm_display_value", "false")
                .withQuery("sysparm_exclude_reference_link", "true");
    }

    /** Writes take raw values too (a sys_id, not a display name, for a reference) and answer in the same form as reads. */
    private static OutboundRequest writeOptions(OutboundRequest request, List<String> fields) {
        return raw(request, fields).withQuery("sysparm_input_display_value", "false");
    }

    /** The caller's fields, checked, without repeats. */
    private static List<String> asked(Collection<String> fields) {
        Set<String> all = new LinkedHashSet<>();
        for (String field : Objects.requireNonNull(fields, "fields")) {
            all.add(TableApiNames.readableField(field));
        }
        return List.copyOf(all);
    }

    /** What to ask ServiceNow for: the caller's fields, then the audit columns every record answer needs. */
    private static List<String> withAudit(List<String> asked) {
        Set<String> all = new LinkedHashSet<>(asked);
        all.addAll(AUDIT_FIELDS);
        return List.copyOf(all);
    }

    private static List<String> names(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * A copy of the caller's fields ready to send: names checked, values plain (text, number, boolean
     * or null), user references given by user_name resolved to sys_ids. Nothing is sent if one fails.
     */
    private ObjectNode writable(ObjectNode fields) {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no fields to write; nothing was sent");
        }
        ObjectNode body = json.createObjectNode();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = TableApiNames.writableField(field.getKey());
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("field " + name + " holds a JSON " + value.getNodeType()
                        .toString().toLowerCase(java.util.Locale.ROOT) + "; ServiceNow fields take text, numbers, "
                        + "true/false or null; nothing was sent");
            }
            body.set(name, userReferenceFields.contains(name) ? userReference(name, value) : value);
        }
        return body;
    }

    private JsonNode userReference(String field, JsonNode value) {
        String text = value.isNull() ? "" : value.asText();
        if (text.isEmpty() || TableApiNames.isSysId(text)) {
            return value;
        }
        Optional<String> byName = users.byUserName(text);
        // Mappings often carry a person's e-mail address; it names them as well when no user_name matches.
        Optional<String> found = byName.isEmpty() && text.contains("@") ? users.byEmail(text) : byName;
        String sysId = found.orElseThrow(() -> new IllegalArgumentException(field + " names user '" + text
                + "', but ServiceNow has no user with that user_name" + (text.contains("@") ? " or e-mail address" : "")
                + "; give an existing user_name or a sys_id (nothing was sent)"));
        return json.getNodeFactory().textNode(sysId);
    }

    private static String tablePath(String table) {
        return TABLE_API + TableApiNames.table(table);
    }

    private static String recordPath(String table, String sysId) {
        return tablePath(table) + "/" + TableApiNames.sysId(sysId);
    }

    /**
     * Up to {@code limit} records of {@code table} that {@code query} matches, in the query's order. The query is
     * built with {@link EncodedQuery}, so every value in it was checked before anything is sent.
     */
    public List<ServiceNowRecord> matching(String table, EncodedQuery query, Collection<String> fields, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        List<String> asked = asked(fields);
        OutboundRequest request = raw(OutboundRequest.get(tablePath(table)).withQuery("sysparm_query", query.build()),
                withAudit(asked))
                .withQuery("sysparm_limit", limit);
        return records(request, succeeded(request, servicenow.exchange(request)), asked);
    }
}

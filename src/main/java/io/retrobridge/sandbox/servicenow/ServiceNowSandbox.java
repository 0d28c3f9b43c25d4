package io.retrobridge.sandbox.servicenow;

import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.sandbox.SimulatedSystem;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ServiceNow instance in a box: the Table API over problem_task, problem, change_request, incident,
 * sys_user, sys_user_group and sys_journal_field with the real field shapes, Basic and OAuth
 * credentials, per-table roles, outbound change notifications, and injectable faults. Demo mode
 * starts one for newcomers to poke with curl; end-to-end tests and benchmarks drive the connector
 * against it.
 *
 * <pre>{@code
 * try (ServiceNowSandbox sn = new ServiceNowSandbox(0, Clock.systemUTC()).start()) {
 *     sn.addUser("retrobridge.integration", "secret", "itil");
 *     sn.seed().reviewBoards();
 *     // GET sn.baseUrl() + "/api/now/table/problem_task?sysparm_query=active=true"
 * }
 * }</pre>
 */
public final class ServiceNowSandbox extends SimulatedSystem<ServiceNowSandbox> {

    private final Clock clock;
    private final RecordStore store;
    private final Credentials credentials;
    private final WebhookDispatcher webhooks = new WebhookDispatcher();
    private final RecordAcl acl = new RecordAcl();
    private final RecordRenderer renderer;

    /** @param port 0 picks a free port */
    public ServiceNowSandbox(int port, Clock clock) throws IOException {
        super("ServiceNow", port, new ServiceNowErrors(), clock);
        this.clock = clock;
        this.store = new RecordStore(new ServiceNowDictionary(), clock);
        this.credentials = new Credentials(clock);
        this.renderer = new RecordRenderer(store, baseUrl());
        new TableApi(store, credentials, renderer, baseUrl(), acl).register(server());
        new ChangeManagementApi(store, credentials, renderer, baseUrl(), acl).register(server());
        server().route("POST", OAuthTokenEndpoint.PATH, new OAuthTokenEndpoint(credentials));
        store.onChange(webhooks);
    }

    /**
     * The instance's time zone ({@code glide.sys.default.tz}): date-times are stored in UTC and shown, as
     * display values, in this zone. UTC until set.
     */
    public ServiceNowSandbox timeZone(java.time.ZoneId zone) {
        renderer.displayZone(zone);
        return this;
    }

    /**
     * The next {@code times} requests get the 429 a ServiceNow rate-limit rule gives: {@code Retry-After},
     * {@code X-RateLimit-Limit}, {@code X-RateLimit-Reset} (Unix seconds) and {@code X-RateLimit-Rule}.
     * ({@code faults().rateLimitNext} gives the generic form, whose reset header is an ISO timestamp.)
     */
    public ServiceNowSandbox rateLimitNext(int times, int retryAfterSeconds) {
        long reset = clock.instant().getEpochSecond() + retryAfterSeconds;
        SandboxResponse limited = ServiceNowErrors.of(429, "Rate limit exceeded",
                        "Rate limit of " + times + " requests for Table API exceeded")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withHeader("X-RateLimit-Limit", String.valueOf(times))
                .withHeader("X-RateLimit-Reset", String.valueOf(reset))
                .withHeader("X-RateLimit-Rule", ServiceNowErrors.RATE_LIMIT_RULE);
        faults().next(times, FaultPlan.any(), new FaultPlan.Respond(limited));
        return this;
    }

    /**
     * Lets {@code userName} call the API with Basic auth (or get OAuth tokens with the password grant).
     * Roles decide which tables it may read and write: {@code itil} covers the task tables,
     * {@code admin} everything. A sys_user record is created for it if none exists, so records it
     * opens point at it.
     */
    public ServiceNowSandbox addUser(String userName, String password, String... roles) {
        credentials.addUser(new Credentials.ApiUser(userName, password, Set.of(roles)));
        if (store.sysUserIdOf(userName).isEmpty()) {
            seed().user(userName, userName, "");
        }
        return this;
    }

    /** Registers an OAuth application; the client-credentials grant acts as {@code runAsUser} (added with {@link #addUser}). */
    public ServiceNowSandbox addOAuthClient(String clientId, String clientSecret, String runAsUser) {
        credentials.addClient(new Credentials.OAuthClient(clientId, clientSecret, runAsUser));
        return this;
    }

    /** How long access tokens issued from now on stay valid on the sandbox clock (30 minutes unless changed). */
    public ServiceNowSandbox accessTokenLifetime(Duration lifetime) {
        credentials.accessTokenLifetime(lifetime);
        return this;
    }

    /**
     * After every insert, update or delete on one of {@code tables}, by anyone, POSTs
     * {@code {"table","sys_id","operation","sys_updated_on","sys_mod_count","record":{raw values}}} to
     * {@code target}, in commit order, signed in {@code X-RetroBridge-Signature: sha256=<hex HMAC-SHA256
     * of the body>} with {@code secret}. Failed sends are retried a few times, then dropped and counted.
     */
    public WebhookSubscription registerWebhook(URI target, String secret, Set<String> tables) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs a non-empty secret to sign its notifications with");
        }
        return webhooks.register(target, secret, tables);
    }

    /** The next {@code times} change notifications are lost (counted as dropped on their subscription). */
    public ServiceNowSandbox dropNextWebhooks(int times) {
        webhooks.dropNext(times);
        return this;
    }

    /** The next {@code times} change notifications arrive twice with the same body, as at-least-once senders do. */
    public ServiceNowSandbox duplicateNextWebhooks(int times) {
        webhooks.duplicateNext(times);
        return this;
    }

    /** Notifications queued and not yet accepted by their target or given up on; 0 once all have landed. */
    public int pendingWebhooks() {
        return webhooks.pending();
    }

    /**
     * A read ACL now keeps this record from {@code userName}: it answers 404 "No Record found" / "Record doesn't exist
     * or ACL restricts the record retrieval" to that user, as a deleted record would, and lists leave it out.
     */
    public ServiceNowSandbox hideRecordFrom(String table, String sysId, String userName) {
        acl.hideRecord(table, sysId, userName);
        return this;
    }

    public ServiceNowSandbox showRecordTo(String table, String sysId, String userName) {
        acl.showRecord(table, sysId, userName);
        return this;
    }

    /** A row-level read ACL keeps every record of the table from {@code userName} (404 each, empty lists). */
    public ServiceNowSandbox hideTableFrom(String table, String userName) {
        acl.hideTable(table, userName);
        return this;
    }

    public ServiceNowSandbox showTableTo(String table, String userName) {
        acl.showTable(table, userName);
        return this;
    }

    /** Puts users, groups, problems, changes and action items in place without HTTP. */
    public ServiceNowSeed seed() {
        return new ServiceNowSeed(store, clock);
    }

    /** Every record of a table, raw values, in insertion order. */
    public List<Map<String, String>> records(String table) {
        return store.all(table);
    }

    public Optional<Map<String, String>> record(String table, String sysId) {
        return store.get(table, sysId);
    }

    /** The journal entries (work notes and comments) of one record, newest first. */
    public List<Map<String, String>> journal(String sysId) {
        return store.journal(sysId, null);
    }

    @Override
    public void close() {
        super.close();
        webhooks.close();
    }

    /** Everything but the token endpoint needs valid credentials. */
    @Override
    protected Optional<SandboxResponse> refuseUnknownCaller(SandboxRequest request) {
        if (request.path().equals(OAuthTokenEndpoint.PATH) || credentials.identify(request).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ServiceNowErrors.notAuthenticated());
    }

    /**
     * Runs the Major Incident Management plugin: incident gains {@code major_incident_state} (proposed, accepted,
     * rejected, canceled). Off until called, as on the instance ServiceNow's incident sample comes from; call it
     * before seeding or serving requests.
     */
    public ServiceNowSandbox activateMajorIncidentManagement() {
        store.dictionary().activateMajorIncidentManagement();
        return this;
    }
}

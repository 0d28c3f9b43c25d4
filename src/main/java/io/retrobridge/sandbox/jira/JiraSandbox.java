package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.sandbox.SimulatedSystem;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Jira Cloud site in a box: REST v3 issues, transitions, comments, JQL search, users and entity
 * properties with the real shapes, Basic (e-mail + API token) and Bearer (personal access token)
 * credentials, signed webhooks, per-issue write limits and injectable faults. Demo mode starts one;
 * end-to-end tests drive the connector against it.
 *
 * <pre>{@code
 * try (JiraSandbox jira = new JiraSandbox(0, Clock.systemUTC()).start()) {
 *     jira.addUser("acc-1", "RetroBridge", "bot@example.com", "token");
 *     jira.seed().project("PAY", "Payments");
 *     // POST jira.baseUrl() + "/rest/api/3/search/jql" {"jql":"project = PAY"}
 * }
 * }</pre>
 */
public final class JiraSandbox extends SimulatedSystem<JiraSandbox> {

    private final Clock clock;
    private final JiraAccounts accounts = new JiraAccounts();
    private final IssueStore store;
    private final JiraWorkflow workflow = new JiraWorkflow();
    private final IssueWriteLimit writeLimit;
    private final JiraWebhooks webhooks;
    private final IssueVisibility visibility;
    private final JiraReleases releases = new JiraReleases();

    /** @param port 0 picks a free port */
    public JiraSandbox(int port, Clock clock) throws IOException {
        super("Jira", port, new JiraErrors(), clock);
        this.clock = clock;
        this.store = new IssueStore(clock, accounts);
        SandboxHttpServer server = server();
        this.writeLimit = new IssueWriteLimit(clock, store);
        this.visibility = new IssueVisibility(store);
        URI base = server.baseUrl();
        IssueRenderer renderer = new IssueRenderer(base, accounts);
        FieldEdits edits = new FieldEdits(accounts, releases);
        Caller caller = new Caller(accounts);
        new UserEndpoints(accounts, renderer, caller).register(server);
        new IssueEndpoints(store, edits, renderer, caller, base).register(server, writeLimit);
        new TransitionEndpoints(store, workflow, edits, renderer, caller).register(server, writeLimit);
        new CommentEndpoints(store, renderer, caller).register(server, writeLimit);
        new PropertyEndpoints(store, base).register(server, writeLimit);
        new SearchEndpoints(store, new JqlMatcher(store, accounts), renderer, visibility, accounts).register(server);
        new ReleaseEndpoints(store, releases, renderer, base).register(server);
        this.webhooks = new JiraWebhooks(clock, renderer, accounts);
        store.listen(webhooks);
    }

    /**
     * Makes search lag behind, as Jira Cloud's does: issues created, edited (a label added) or deleted show in
     * {@code /search/jql} (and {@code /rest/api/2/search}) results only {@code lag} later, while a read by id or key
     * sees them at once. {@link Duration#ZERO} (the default) makes search consistent again for later changes.
     */
    public JiraSandbox searchIndexLag(Duration lag) {
        store.searchLag(lag);
        return this;
    }

    /**
     * Takes every change still waiting for the search index in at once, as a finished re-index would, so a test that
     * used a lag leaves a consistent search to the next one.
     */
    public JiraSandbox catchUpSearchIndex() {
        store.catchUpSearchIndex();
        return this;
    }

    /** Lets this account call the API with Basic {@code email:apiToken}; a null token adds a user who cannot log in. */
    public JiraSandbox addUser(String accountId, String displayName, String email, String apiToken) {
        accounts.add(new JiraUser(accountId, displayName, email, apiToken));
        return this;
    }

    /** Lets {@code token} in as a Bearer personal access token acting as the (already added) account. */
    public JiraSandbox addPersonalAccessToken(String token, String accountId) {
        accounts.addPersonalAccessToken(token, accountId);
        return this;
    }

    /** The workflow, to add rules such as {@code workflow().requireFieldOn("Done", "resolution")}. */
    public JiraWorkflow workflow() {
        return workflow;
    }

    /** Jira Cloud's per-issue write limit; off until set. */
    public IssueWriteLimit perIssueWriteLimit() {
        return writeLimit;
    }

    /**
     * The next {@code times} requests get the 429 of Jira's burst limit: {@code RateLimit-Reason:
     * jira-burst-based}, {@code Retry-After}, {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining: 0}
     * and {@code X-RateLimit-Reset} as an ISO timestamp.
     */
    public JiraSandbox rateLimitNext(int times, int retryAfterSeconds) {
        SandboxResponse limited = JiraErrors.message(429, "Rate limit exceeded.")
                .withHeader("RateLimit-Reason", JiraErrors.BURST_REASON)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withHeader("X-RateLimit-Limit", "100")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", clock.instant().plusSeconds(retryAfterSeconds).toString());
        faults().next(times, FaultPlan.any(), new FaultPlan.Respond(limited));
        return this;
    }

    /**
     * Every issue created, updated or deleted and every comment added from now on is POSTed to
     * {@code target} as a Jira Cloud webhook event signed with {@code secret}.
     */
    public JiraWebhookSubscription subscribe(URI target, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs a non-empty secret to sign its events with");
        }
        return webhooks.subscribe(target, secret);
    }

    /** The next {@code times} webhook deliveries are lost, as when Jira gives up on a target. */
    public JiraSandbox dropNextWebhooks(int times) {
        webhooks.dropNext(times);
        return this;
    }

    /** The next {@code times} webhook deliveries arrive twice with the same identifier, as Jira's at-least-once sending allows. */
    public JiraSandbox duplicateNextWebhooks(int times) {
        webhooks.duplicateNext(times);
        return this;
    }

    /** Webhook deliveries queued and not yet accepted by their target or given up on; 0 once all have landed. */
    public int pendingWebhooks() {
        return webhooks.pending();
    }

    /**
     * Takes Browse Projects on {@code projectKey} away from the account: every issue of the project answers 404 with
     * "Issue does not exist or you do not have permission to see it." and search leaves them out, as Jira does.
     */
    public JiraSandbox hideProjectFrom(String projectKey, String accountId) {
        visibility.hideProject(projectKey, accountId);
        return this;
    }

    /** Gives the account its view of the project back. */
    public JiraSandbox showProjectTo(String projectKey, String accountId) {
        visibility.showProject(projectKey, accountId);
        return this;
    }

    /** Puts one issue under a security level the account is not in: it answers 404 to the account, as a deleted one would. */
    public JiraSandbox hideIssueFrom(String idOrKey, String accountId) {
        visibility.hideIssue(idOrKey, accountId);
        return this;
    }

    /** Lets the account see the issue again. */
    public JiraSandbox showIssueTo(String idOrKey, String accountId) {
        visibility.showIssue(idOrKey, accountId);
        return this;
    }

    /** Puts projects, users and issues in place without HTTP. */
    public JiraSeed seed() {
        return new JiraSeed(store, accounts, clock, releases);
    }

    /** Keys of every issue, in creation order. */
    public List<String> issueKeys() {
        return store.all().stream().map(i -> i.key).toList();
    }

    /** Keys of every issue carrying the label, as stored (not as a lagging search would show them). */
    public List<String> issueKeysLabelled(String label) {
        return store.all().stream().filter(i -> i.labels.contains(label)).map(i -> i.key).toList();
    }

    /** One issue's entity property as JSON text, if set. */
    public Optional<String> property(String issueKey, String propertyKey) {
        return store.find(issueKey).map(i -> i.properties.get(propertyKey)).map(Object::toString);
    }

    @Override
    public void close() {
        super.close();
        webhooks.close();
    }

    @Override
    protected Optional<SandboxResponse> refuseUnknownCaller(SandboxRequest request) {
        Optional<JiraUser> caller = accounts.identify(request);
        if (caller.isEmpty()) {
            return Optional.of(JiraErrors.notAuthenticated());
        }
        return visibility.refuse(request, caller.get());
    }
}

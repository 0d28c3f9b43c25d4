package io.retrobridge;

import io.retrobridge.jira.JiraProperties;
import io.retrobridge.sandbox.SandboxProperties;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.prometheus.PrometheusSandbox;
import io.retrobridge.sandbox.prometheus.PrometheusSeed;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed;
import io.retrobridge.servicenow.ServiceNowProperties;
import io.retrobridge.web.security.DemoAdminKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells a newcomer, once the demo is up, where everything is: the connector, both simulators with the
 * credentials that open them, and the calls worth trying. Demo credentials are printed on purpose:
 * they only open the in-memory simulators of this run.
 */
@Component
@Profile("demo")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final Environment environment;
    private final SandboxProperties sandbox;
    private final JiraProperties jira;
    private final ServiceNowProperties servicenow;
    private final ObjectProvider<DemoAdminKey> demoKey;
    private final ServiceNowSandbox servicenowSandbox;
    private final JiraSandbox jiraSandbox;
    private final PrometheusSandbox prometheusSandbox;

    DemoBanner(Environment environment, SandboxProperties sandbox, JiraProperties jira,
            ServiceNowProperties servicenow, ObjectProvider<DemoAdminKey> demoKey, ServiceNowSandbox servicenowSandbox, JiraSandbox jiraSandbox,
            PrometheusSandbox prometheusSandbox) {
        this.prometheusSandbox = prometheusSandbox;
        this.jiraSandbox = jiraSandbox;
        this.servicenowSandbox = servicenowSandbox;
        this.environment = environment;
        this.sandbox = sandbox;
        this.jira = jira;
        this.servicenow = servicenow;
        this.demoKey = demoKey;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        log.info(text());
    }

    /** The seeded overdue item's sys_id, which a Table API update names in its path. */
    private String overdueTaskSysId() {
        return servicenowSandbox.records("problem_task").stream()
                .filter(task -> ServiceNowSeed.OVERDUE_ITEM.equals(task.get("short_description")))
                .map(task -> task.get("sys_id")).findFirst().orElse("<sys_id>");
    }

    String text() {
        String app = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String jiraUrl = jiraSandbox.baseUrl().toString();
        String snUrl = servicenowSandbox.baseUrl().toString();
        String promUrl = prometheusSandbox.baseUrl().toString();
        String failedChange = DemoReleaseHistory.seededChange(servicenowSandbox).orElse("<change number>");
        DemoAdminKey generated = demoKey.getIfAvailable();
        String keyLine = generated != null
                ? "export RB_KEY=" + generated.value() + "   (DEMO ADMIN KEY, valid for this run only)"
                : "export RB_KEY=<your retrobridge.security.bootstrap-admin-key>";
        return String.join(System.lineSeparator(),
                "",
                "================ RetroBridge demo is running ================",
                "RetroBridge        " + app + "   (health: " + app + "/actuator/health)",
                "Jira sandbox       " + jiraUrl + "   user " + jira.email() + " / API token " + jira.apiToken(),
                "ServiceNow sandbox " + snUrl + "   user " + servicenow.username() + " / password " + servicenow.password(),
                "Prometheus sandbox " + promUrl + "   query API, no credentials",
                "Admin API key      " + keyLine,
                "",
                "Try:",
                "  curl -s -H \"X-API-Key: $RB_KEY\" " + app + "/api/whoami",
                "  curl -s -H \"X-API-Key: $RB_KEY\" " + app + "/actuator/health   (without a key: UP/DOWN only)",
                "  curl -s -u " + jira.email() + ":" + jira.apiToken() + " -X POST -H 'Content-Type: application/json' "
                        + jiraUrl + "/rest/api/3/search/jql -d '{\"jql\":\"project = PAY ORDER BY key\",\"fields\":[\"summary\",\"status\"]}'",
                "  curl -s -u " + servicenow.username() + ":" + servicenow.password() + " '" + snUrl
                        + "/api/now/table/problem_task?sysparm_fields=number,short_description,state,due_date'",
                "Escalations: the overdue item '" + ServiceNowSeed.OVERDUE_ITEM + "' lands in the CAB queue "
                        + "(ServiceNow sc_task) within a minute; look there:",
                "  curl -s -u " + servicenow.username() + ":" + servicenow.password() + " '" + snUrl
                        + "/api/now/table/sc_task?sysparm_query=assignment_group.name%3DCAB"
                        + "&sysparm_fields=number,short_description,state,correlation_id'",
                "  curl -s -X POST -H \"X-API-Key: $RB_KEY\" " + app + "/api/admin/escalations/scan   (scan now)",
                "Releases: the failed payment-gateway 4.2 release (change closed unsuccessful, rolled back to 4.1.3)"
                        + " has its change record in Jira project CHG and a retrospective in both sandboxes"
                        + " within a minute:",
                "  curl -s -u " + jira.email() + ":" + jira.apiToken() + " -X POST -H 'Content-Type: application/json' "
                        + jiraUrl + "/rest/api/3/search/jql -d '{\"jql\":\"project = CHG\",\"fields\":[\"summary\",\"status\",\"labels\"]}'",
                "  curl -s -H \"X-API-Key: $RB_KEY\" " + app + "/api/retrospectives",
                "Its PIR: the error rate, latency and throughput before and after it (from the Prometheus sandbox),"
                        + " the alert that fired, and the timeline:",
                "  curl -s -H \"X-API-Key: $RB_KEY\" " + app + "/api/changes/" + failedChange + "/pir",
                "  curl -s '" + promUrl + "/api/v1/query?query="
                        + URLEncoder.encode(PrometheusSeed.demoQuery(PrometheusSeed.ERROR_RATE), StandardCharsets.UTF_8)
                        + "'",
                "Post a failed deployment as a pipeline would, and see a new retrospective open a few seconds later:",
                "  curl -s -X POST -H \"X-API-Key: $RB_KEY\" -H 'Content-Type: application/json' " + app
                        + "/api/events/deployments -d '{\"application\":\"checkout\",\"environment\":\"production\","
                        + "\"version\":\"2.8.0\",\"runId\":\"demo-1\",\"result\":\"failure\","
                        + "\"finishedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}'",
                "  curl -s -H \"X-API-Key: $RB_KEY\" '" + app + "/api/retrospectives?application=checkout'",
                "May payment-gateway 4.3.0 go to production? The gate (mappings/gates.yaml) says DENY while its"
                        + " escalated action item is overdue, and names it:",
                "  curl -s -X POST -H \"X-API-Key: $RB_KEY\" -H 'Content-Type: application/json' " + app
                        + "/api/gates/prod/evaluate -d '{\"application\":\"payment-gateway\",\"version\":\"4.3.0\","
                        + "\"environment\":\"production\"}'",
                "Everything a readiness review of that release needs (follow-ups, failed runs, the last PIR, failure"
                        + " modes, the gate's answer), as JSON or Markdown to paste into the review ticket:",
                "  curl -s -H \"X-API-Key: $RB_KEY\" -H 'Accept: text/markdown' '" + app
                        + "/api/readiness?application=payment-gateway&version=4.3.0'",
                "Finish that item in ServiceNow (state 157, Closed) and ask again: the same question gets ALLOW within"
                        + " about 15 seconds, with no restart:",
                "  curl -s -u " + servicenow.username() + ":" + servicenow.password() + " -X PATCH -H 'Content-Type: "
                        + "application/json' '" + snUrl + "/api/now/table/problem_task/" + overdueTaskSysId()
                        + "' -d '{\"state\":\"157\",\"close_notes\":\"Alert added\"}'",
                "The dashboard (sign in with the admin key above; it is kept in the session, never in the URL): " + app
                        + "/dashboard",
                "Reports: DORA's five delivery metrics, retrospective effectiveness, and the monthly trend for print:",
                "  curl -s -H \"X-API-Key: $RB_KEY\" '" + app + "/api/reports/delivery?application=payment-gateway'",
                "  curl -s -H \"X-API-Key: $RB_KEY\" '" + app + "/api/reports/effectiveness'",
                "  curl -s -H \"X-API-Key: $RB_KEY\" -o trend.html '" + app + "/api/reports/portfolio?format=html'",
                "Why did an item change? Ask by its key or number:",
                "  curl -s -H \"X-API-Key: $RB_KEY\" '" + app + "/api/admin/journal?system=jira&id=PAY-1'",
                "Stop with Ctrl-C; the demo keeps everything in memory and starts clean next time.",
                "==============================================================");
    }
}

package io.retrobridge.web.gates;

import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people open what a gate answer names: the Jira issue by its key, as the retrospective views link it, and
 * the ServiceNow record by its number through {@code nav_to.do}, on the configured instance with no credentials.
 * Built from settings alone, so answering never calls either system.
 */
@Component
public class GateLinks {

    private final RetrospectiveIssues jira;
    private final URI serviceNow;

    GateLinks(RetrospectiveIssues jira, Environment environment) {
        this.jira = jira;
        String base = environment.getProperty("retrobridge.servicenow.base-url");
        this.serviceNow = base == null || base.isBlank() ? null : UrlUserInfo.without(URI.create(base));
    }

    /** Null when there is no key. */
    public String jira(String key) {
        return key == null ? null : jira.browseUrl(key);
    }

    /** Null when there is no number or no instance is configured. */
    public String serviceNow(String number) {
        if (number == null || serviceNow == null) {
            return null;
        }
        String query = URLEncoder.encode(tableOf(number) + ".do?sysparm_query=number=" + number,
                StandardCharsets.UTF_8);
        return serviceNow.resolve("/nav_to.do?uri=" + query).toString();
    }

    /**
     * The readiness review of the release, on the host the status URL names (so it is as absolute as the status URL
     * is, whoever built it); null when there is no status URL to build on.
     */
    String readiness(String statusUrl, String application, String version) {
        int api = statusUrl == null ? -1 : statusUrl.indexOf("/api/gates/");
        if (api < 0) {
            return null;
        }
        return statusUrl.substring(0, api) + "/api/readiness?application="
                + URLEncoder.encode(application, StandardCharsets.UTF_8)
                + (version == null ? "" : "&version=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
    }

    /** The table a number's prefix names; {@code task}, the parent of them all, for any other. */
    static String tableOf(String number) {
        String upper = number.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PTASK")) {
            return "problem_task";
        }
        if (upper.startsWith("PRB")) {
            return "problem";
        }
        if (upper.startsWith("CTASK")) {
            return "change_task";
        }
        if (upper.startsWith("CHG")) {
            return "change_request";
        }
        if (upper.startsWith("INC")) {
            return "incident";
        }
        return "task";
    }
}

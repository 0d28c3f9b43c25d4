package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one list of who may call what. Spring Security enforces it, and the 403 answer reads the same list
 * to tell the caller which role was needed. The first rule that matches a request decides; roles include
 * the roles below them (admin > pipeline > viewer).
 *
 * <ol>
 *   <li>Public, no key: {@code /actuator/health} (and sub-paths such as {@code /liveness}; UP/DOWN only unless
 *       a viewer key or better is sent),
 *       {@code /actuator/info}, {@code /webhooks/**} and POST {@code /api/gates/hooks/*} (webhooks and the gate's
 *       native hooks check their own signatures or tokens).</li>
 *   <li>admin: the OpenAPI description of this API and its Swagger UI ({@code /v3/api-docs/**},
 *       {@code /swagger-ui.html}, {@code /swagger-ui/**}): it maps every admin endpoint.</li>
 *   <li>viewer: GET {@code /api/admin/escalations} (what the escalation scan did is for everyone who reads
 *       reports; running a scan is an admin's POST).</li>
 *   <li>admin: anything else under {@code /api/admin/**}.</li>
 *   <li>pipeline: {@code /api/gates/{gate}/evaluate} (POST, PUT or GET: asking the deployment gate);
 *       viewer: GET {@code /api/gates/evaluations/{id}} (an answer polled again, by pipelines and readers),
 *       GET {@code /api/gates/evaluations} and {@code /api/gates/waivers} (what the gate answered, and its
 *       waivers).</li>
 *   <li>pipeline: POST under {@code /api/pipeline/**} (deployment and pipeline events).</li>
 *   <li>viewer: GET {@code /api/retrospectives} and {@code /api/retrospectives/{id}} (the retrospectives opened and
 *       their action items, for everyone who reads reports).</li>
 *   <li>viewer: GET under {@code /api/deployments/**} (deployment telemetry, for everyone who reads reports).</li>
 *   <li>viewer: GET {@code /api/readiness} (a release's readiness review; pipelines read it too, as the gate's
 *       answers link to it).</li>
 *   <li>viewer: GET {@code /api/changes/{number}/pir} (a change's PIR summary); admin: POST
 *       {@code /api/changes/{number}/pir/collect} (asking for its figures now, kept in the audit log).</li>
 *   <li>pipeline: POST under {@code /api/events/**} (events posted to the API, e.g. deployments).</li>
 *   <li>viewer: GET {@code /actuator/prometheus}.</li>
 *   <li>admin: every other actuator endpoint, should one be exposed.</li>
 *   <li>viewer: any other GET or HEAD (the API, {@code /api/reports/**}, {@code /api/whoami}).</li>
 *   <li>admin: every other write (PUT, PATCH, DELETE, POST outside {@code /api/pipeline/**} and
 *       {@code /api/events/**}).</li>
 * </ol>
 */
@Component
public class ApiAccessPolicy {

    private static final String DASHBOARD = "no API key; the dashboard's page and its sign-in, which takes a"
            + " registered API key in the POST body and opens a session that may only read (GET, as a viewer); the"
            + " session's POSTs need its CSRF token";

    private final List<Rule> rules;

    public ApiAccessPolicy() {
        PathRequests path = new PathRequests();
        rules = List.of(
                Rule.open(path.matcher("/actuator/health/**")),
                Rule.open(path.matcher("/actuator/info")),
                Rule.open(path.matcher("/webhooks/**"), "no API key; each delivery must carry the sending system's "
                        + "HMAC-SHA256 signature of its body (sha256=<hex>) in that system's signature header, or,"
                        + " for systems that cannot sign, the shared secret as that system sends it (a token header,"
                        + " a bearer token or a basic-authentication password)"),
                Rule.open(path.matcher(HttpMethod.POST, "/api/gates/hooks/*"), "no API key; each hook delivery "
                        + "must carry its caller's proof: GitHub's X-Hub-Signature-256, GitLab's X-Gitlab-Signature,"
                        + " Azure DevOps' basic authentication with the shared secret as password"),
                Rule.open(path.matcher("/dashboard/**"), DASHBOARD),
                Rule.open(path.matcher(HttpMethod.GET, "/webjars/**"), "no API key; the dashboard's chart library"),
                Rule.needs(ApiRole.ADMIN, path.matcher("/v3/api-docs/**")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/v3/api-docs.yaml")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/swagger-ui.html")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/swagger-ui/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/admin/escalations")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/api/admin/**")),
                Rule.needs(ApiRole.PIPELINE, path.matcher("/api/gates/*/evaluate")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/gates/evaluations/*")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/gates/evaluations")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/gates/waivers")),
                Rule.needs(ApiRole.PIPELINE, path.matcher(HttpMethod.POST, "/api/pipeline/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/retrospectives/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/deployments/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/readiness")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/changes/*/pir")),
                Rule.needs(ApiRole.ADMIN, path.matcher(HttpMethod.POST, "/api/changes/*/pir/collect")),
                Rule.needs(ApiRole.PIPELINE, path.matcher(HttpMethod.POST, "/api/events/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/actuator/prometheus")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/actuator/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.HEAD, "/**")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/**")));
    }

    /** Health checks: open, but a viewer's key there unlocks the details. */
    public RequestMatcher healthRequests() {
        return rules.get(0).matcher();
    }

    /** Requests anyone may make without a key; API keys are not even read for them (health aside, see above). */
    public RequestMatcher openRequests() {
        return new OrRequestMatcher(rules.stream().filter(Rule::isOpen).<RequestMatcher>map(Rule::matcher).toList());
    }

    /** The role a request needs, or empty when it needs none. */
    public Optional<ApiRole> requiredRole(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst()
                .flatMap(rule -> Optional.ofNullable(rule.required()));
    }

    /**
     * Who may call {@code method path}, for documents that describe the API; path variables such as {@code {id}}
     * may stay in the path (no rule has any).
     */
    public Access access(HttpMethod method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        Rule rule = rules.stream().filter(candidate -> candidate.matcher().matches(method, parsed)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the last rule matches every request"));
        return new Access(Optional.ofNullable(rule.required()), rule.openBecause());
    }

    /** The role a call needs (empty: no key needed), and for an open call why it is open. */
    public record Access(Optional<ApiRole> required, String openBecause) {
    }

    void applyTo(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
        for (Rule rule : rules) {
            if (rule.isOpen()) {
                authorize.requestMatchers(rule.matcher()).permitAll();
            } else {
                authorize.requestMatchers(rule.matcher()).hasRole(rule.required().springRole());
            }
        }
    }

    private record Rule(MethodAndPath matcher, ApiRole required, String openBecause) {

        static Rule open(MethodAndPath matcher) {
            return new Rule(matcher, null, "no API key needed");
        }

        static Rule open(MethodAndPath matcher, String because) {
            return new Rule(matcher, null, because);
        }

        static Rule needs(ApiRole role, MethodAndPath matcher) {
            return new Rule(matcher, role, null);
        }

        boolean isOpen() {
            return required == null;
        }
    }

    /** Builds Spring Security's path matchers and keeps their method and pattern, so {@link #access} can ask them too. */
    private static final class PathRequests {

        private final PathPatternRequestMatcher.Builder requests = PathPatternRequestMatcher.withDefaults();

        MethodAndPath matcher(String pattern) {
            return matcher(null, pattern);
        }

        MethodAndPath matcher(HttpMethod method, String pattern) {
            return new MethodAndPath(method, PathPatternParser.defaultInstance.parse(pattern),
                    requests.matcher(method, pattern));
        }
    }

    /** method null: any method. Requests are matched by Spring Security's own matcher, built from the same pattern. */
    private record MethodAndPath(HttpMethod method, PathPattern pattern, RequestMatcher requests) implements RequestMatcher {

        @Override
        public boolean matches(HttpServletRequest request) {
            return requests.matches(request);
        }

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }
}

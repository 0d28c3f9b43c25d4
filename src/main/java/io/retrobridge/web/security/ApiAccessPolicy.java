package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The one list of who may call what. Spring Security enforces it, and the 403 answer reads the same list
 * to tell the caller which role was needed. The first rule that matches a request decides; roles include
 * the roles below them (admin > pipeline > viewer).
 *
 * <ol>
 *   <li>Public, no key: {@code /actuator/health} (and sub-paths such as {@code /liveness}; UP/DOWN only unless
 *       a viewer key or better is sent),
 *       {@code /actuator/info}, {@code /webhooks/**} (webhooks check their own signatures).</li>
 *   <li>viewer: GET {@code /api/admin/escalations} (what the escalation scan did is for everyone who reads
 *       reports; running a scan is an admin's POST).</li>
 *   <li>admin: anything else under {@code /api/admin/**}.</li>
 *   <li>pipeline: POST under {@code /api/pipeline/**} (deployment and pipeline events).</li>
 *   <li>viewer: GET {@code /actuator/prometheus}.</li>
 *   <li>admin: every other actuator endpoint, should one be exposed.</li>
 *   <li>viewer: any other GET or HEAD (the API, {@code /api/reports/**}, {@code /api/whoami}, the dashboard).</li>
 *   <li>admin: every other write (PUT, PATCH, DELETE, POST outside {@code /api/pipeline/**}).</li>
 * </ol>
 */
@Component
public class ApiAccessPolicy {

    private final List<Rule> rules;

    public ApiAccessPolicy() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        rules = List.of(
                Rule.open(path.matcher("/actuator/health/**")),
                Rule.open(path.matcher("/actuator/info")),
                Rule.open(path.matcher("/webhooks/**")),
                Rule.needs(ApiRole.VIEWER, path.matcher(HttpMethod.GET, "/api/admin/escalations")),
                Rule.needs(ApiRole.ADMIN, path.matcher("/api/admin/**")),
                Rule.needs(ApiRole.PIPELINE, path.matcher(HttpMethod.POST, "/api/pipeline/**")),
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
        return new OrRequestMatcher(rules.stream().filter(Rule::isOpen).map(Rule::matcher).toList());
    }

    /** The role a request needs, or empty when it needs none. */
    public Optional<ApiRole> requiredRole(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst()
                .flatMap(rule -> Optional.ofNullable(rule.required()));
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

    private record Rule(RequestMatcher matcher, ApiRole required) {

        static Rule open(RequestMatcher matcher) {
            return new Rule(matcher, null);
        }

        static Rule needs(ApiRole role, RequestMatcher matcher) {
            return new Rule(matcher, role);
        }

        boolean isOpen() {
            return required == null;
        }
    }
}

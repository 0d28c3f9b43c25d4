package io.retrobridge.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks requests (and, when given, their responses) against Atlassian's published OpenAPI spec of the
 * Jira Cloud platform REST API v3, so a test fails when we send Jira something it would not accept.
 * The spec is read from {@code ${retrobridge.reference-dir}/jira/jira-platform-openapi.v3.json} once per
 * JVM: it is large and parsing it takes seconds.
 *
 * <pre>{@code
 * JiraOpenApiValidator.shared().assertValid(new JiraOpenApiValidator.Call("POST", "/rest/api/3/search/jql",
 *         Map.of("Content-Type", List.of("application/json")), body));
 * }</pre>
 */
public final class JiraOpenApiValidator {

    /** One request: method, path with optional query string, headers and body (null for none). */
    public record Call(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public Call {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** One response: status, headers and body (null for none). */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Answer {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    public static final String SPEC = "jira/jira-platform-openapi.v3.json";
    private static final String NO_BODY_KEY = "validation.response.body.missing";
    private static final String UNDECLARED_BODY_KEY = "validation.response.body.unexpected";

    private static volatile JiraOpenApiValidator shared;

    private final OpenApiInteractionValidator validator;

    private JiraOpenApiValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /**
     * Checks every REST v3 request a simulator received (what the connector and the test sent) against the
     * spec; fails listing each one the spec refuses.
     */
    public static void assertEveryRequestValid(io.retrobridge.sandbox.RequestLog log) {
        List<String> refused = new java.util.ArrayList<>();
        for (io.retrobridge.sandbox.RequestLog.Entry entry : log.all()) {
            if (!entry.path().startsWith("/rest/api/3/")) {
                continue;
            }
            String query = entry.rawQuery() == null || entry.rawQuery().isEmpty() ? "" : "?" + entry.rawQuery();
            boolean hasBody = entry.body() != null && !entry.body().isEmpty();
            Call call = new Call(entry.method(), entry.path() + query,
                    hasBody ? Map.of("Content-Type", List.of("application/json")) : Map.of(), hasBody ? entry.body() : null);
            List<String> problems = shared().problems(call);
            if (!problems.isEmpty()) {
                refused.add(entry.method() + " " + entry.path() + query + ": " + problems);
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("Requests Jira's OpenAPI spec refuses:\n" + String.join("\n", refused));
        }
    }

    /** The validator over the reference spec, parsed on first use and kept for the JVM's lifetime. */
    public static JiraOpenApiValidator shared() {
        JiraOpenApiValidator current = shared;
        if (current == null) {
            synchronized (JiraOpenApiValidator.class) {
                current = shared;
                if (current == null) {
                    current = new JiraOpenApiValidator(OpenApiInteractionValidator
                            .createForSpecificationUrl(specFile().toUri().toString())
                            .build());
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Where the spec is: under the system property {@code retrobridge.reference-dir} that the build sets. */
    public static Path specFile() {
        String dir = System.getProperty("retrobridge.reference-dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property retrobridge.reference-dir is not set; run the tests "
                    + "through Maven (surefire sets it to ../shared/reference) or pass -Dretrobridge.reference-dir=...");
        }
        Path spec = Path.of(dir).resolve(SPEC);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("No Jira OpenAPI spec at " + spec + "; check retrobridge.reference-dir");
        }
        return spec;
    }

    /** What is wrong with the request, one line per problem; empty when Jira's spec accepts it. */
    public List<String> problems(Call call) {
        return lines(validator.validateRequest(request(call)));
    }

    /** What is wrong with the request or its response; empty when both match the spec. */
    public List<String> problems(Call call, Answer answer) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.status());
        answer.headers().forEach(response::withHeader);
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        List<String> problems = lines(validator.validate(request(call), response.build()));
        boolean write = !call.method().equalsIgnoreCase("GET");
        boolean error = answer.status() >= 400;
        // Where the spec is known to be thinner than Jira: it declares a "{}" body for writes that Jira
        // answers with no content, and declares no body for 4xx answers that carry Jira's errorMessages.
        return problems.stream()
                .filter(p -> !(write && answer.status() < 300 && p.startsWith(NO_BODY_KEY)))
                .filter(p -> !(error && p.startsWith(UNDECLARED_BODY_KEY)))
                .toList();
    }

    public void assertValid(Call call) {
        fail(call, problems(call));
    }

    public void assertValid(Call call, Answer answer) {
        fail(call, problems(call, answer));
    }

    private static void fail(Call call, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("Jira's OpenAPI spec refuses " + call.method() + " " + call.pathAndQuery()
                    + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static Request request(Call call) {
        URI uri = URI.create(call.pathAndQuery());
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method().toUpperCase(), uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        call.headers().forEach(request::withHeader);
        if (call.body() != null && !call.body().isEmpty()) {
            request.withBody(call.body());
        }
        return request.build();
    }

    private static List<String> lines(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}

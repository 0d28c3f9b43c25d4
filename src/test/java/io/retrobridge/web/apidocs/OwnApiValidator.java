package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.retrobridge.testsupport.KeyedApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Checks real calls to RetroBridge, request and answer, against the description RetroBridge serves itself. */
final class OwnApiValidator {

    private final OpenApiInteractionValidator validator;

    OwnApiValidator(String description) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description).build();
    }

    /** The description the running application serves, read with an admin key. */
    static OwnApiValidator served(KeyedApi api, String adminKey) {
        HttpResponse<String> served = api.get("/v3/api-docs", adminKey);
        assertThat(served.statusCode()).isEqualTo(200);
        return new OwnApiValidator(served.body());
    }

    /** The problems of every call in turn, request and answer; empty when all match. */
    List<String> problems(List<HttpResponse<String>> answers) {
        List<String> problems = new ArrayList<>();
        answers.forEach(answer -> problems.addAll(problems(answer)));
        return problems;
    }

    /** One line per way the call or its answer departs from the description; empty when both match. */
    List<String> problems(HttpResponse<String> answer) {
        return lines(answer, validator.validate(request(answer.request()), response(answer)));
    }

    /** The answer alone, for calls that break the description on purpose (no key, to see the 401). */
    List<String> answerProblems(HttpResponse<String> answer) {
        HttpRequest sent = answer.request();
        return lines(answer, validator.validateResponse(sent.uri().getRawPath(),
                Request.Method.valueOf(sent.method()), response(answer)));
    }

    private static Request request(HttpRequest sent) {
        URI uri = sent.uri();
        SimpleRequest.Builder request = new SimpleRequest.Builder(sent.method(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        sent.headers().map().forEach(request::withHeader);
        return request.build();
    }

    private static Response response(HttpResponse<String> answer) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.statusCode());
        answer.headers().map().forEach(response::withHeader);
        if (!answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        return response.build();
    }

    private static List<String> lines(HttpResponse<String> answer, ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> answer.request().method() + " " + answer.uri().getRawPath() + " -> "
                        + answer.statusCode() + ": " + message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}

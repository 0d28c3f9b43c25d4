package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests Prometheus refuses are refused the same way: the status, errorType and message it gives. */
class PrometheusErrorAnswersTest extends PrometheusSandboxTestSupport {

    private static final String RANGE = "/api/v1/query_range?query=up";

    @Test
    void aMissingQueryIsBadData() throws Exception {
        assertBadData(get("/api/v1/query"), "invalid parameter \"query\": 1:1: parse error: no expression found in input");
        assertBadData(get("/api/v1/query_range?start=0&end=60&step=15"),
                "invalid parameter \"query\": 1:1: parse error: no expression found in input");
    }

    @Test
    void missingOrUnreadableTimesAndStepsAreBadDataNamingTheParameter() throws Exception {
        assertBadData(get("/api/v1/query?query=up&time=yesterday"),
                "invalid parameter \"time\": cannot parse \"yesterday\" to a valid timestamp");
        assertBadData(get(RANGE + "&end=60&step=15"), "invalid parameter \"start\": cannot parse \"\" to a valid timestamp");
        assertBadData(get(RANGE + "&start=0&end=2026-13-01T00:00:00Z&step=15"),
                "invalid parameter \"end\": cannot parse \"2026-13-01T00:00:00Z\" to a valid timestamp");
        assertBadData(get(RANGE + "&start=0&end=60"), "invalid parameter \"step\": cannot parse \"\" to a valid duration");
        assertBadData(get(RANGE + "&start=0&end=60&step=5x"),
                "invalid parameter \"step\": cannot parse \"5x\" to a valid duration");
    }

    @Test
    void anEndBeforeTheStartOrAStepOfZeroIsBadData() throws Exception {
        assertBadData(get(RANGE + "&start=120&end=60&step=15"), "end timestamp must not be before start time");
        assertBadData(get(RANGE + "&start=0&end=60&step=0"),
                "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }

    /** Prometheus compares (end - start) / step with 11,000, so the largest answer has 11,001 points. */
    @Test
    void aRangeOverElevenThousandStepsIsBadDataAndOneOfElevenThousandIsAnswered() throws Exception {
        sandbox.record("up", Map.of(), Signal.constant(1));

        HttpResponse<String> tooMany = get(RANGE + "&start=0&end=110010&step=10");
        HttpResponse<String> atTheLimit = get(RANGE + "&start=0&end=110000&step=10");

        assertBadData(tooMany, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query"
                + " resolution (?step=XX)");
        assertThat(atTheLimit.statusCode()).isEqualTo(200);
        assertThat(json(atTheLimit).at("/data/result/0/values")).hasSize(11_001);
    }

    @Test
    void unbalancedBracketsAreParseErrorsWithTheirPosition() throws Exception {
        assertBadData(get("/api/v1/query?query=" + q("sum(rate(up[5m])")),
                "invalid parameter \"query\": 1:17: parse error: unclosed left parenthesis");
        assertBadData(get("/api/v1/query?query=" + q("sum(up))")),
                "invalid parameter \"query\": 1:8: parse error: unexpected right parenthesis ')'");
        assertBadData(get("/api/v1/query?query=" + q("up{job=\"a\"")),
                "invalid parameter \"query\": 1:11: parse error: unexpected end of input inside braces");
        assertBadData(get(RANGE.replace("=up", "=") + q("rate(up}[5m])") + "&start=0&end=60&step=15"),
                "invalid parameter \"query\": 1:8: parse error: unexpected right brace '}'");
        assertBadData(get("/api/v1/query?query=" + q("up{job=\"a}")),
                "invalid parameter \"query\": 1:8: parse error: unterminated quoted string");
    }

    @Test
    void bracketsInsideStringsAreNotCounted() throws Exception {
        sandbox.record("up{job=\"a)\"}", Map.of(), Signal.constant(1));

        HttpResponse<String> answer = get("/api/v1/query?query=" + q("up{job=\"a)\"}"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).at("/data/result")).hasSize(1);
    }

    @Test
    void aRecordingUnderAQueryPrometheusCouldNotParseIsRefused() {
        assertThatThrownBy(() -> sandbox.record("sum(up", Map.of(), Signal.constant(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1:7: parse error: unclosed left parenthesis");
    }

    @Test
    void errorsHaveTheEnvelopeOfPrometheusErrors() throws Exception {
        JsonNode error = json(get("/api/v1/query"));
        JsonNode reference = reference("error.not_acceptable.json");

        assertThat(error.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(() -> reference.fieldNames());
        error.forEach(field -> assertThat(field.isTextual()).isTrue());
        assertThat(reference("error.json").get("status").asText()).isEqualTo(error.get("status").asText());
    }

    @Test
    void unknownPathsAndMethodsGetTheRoutersPlainAnswers() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/querys");
        HttpResponse<String> deleted = delete("/api/v1/query");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("404 page not found\n");
        assertThat(deleted.statusCode()).isEqualTo(405);
    }

    private static void assertBadData(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = json(answer);
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("errorType").asText()).isEqualTo("bad_data");
        assertThat(body.get("error").asText()).isEqualTo(message);
    }
}

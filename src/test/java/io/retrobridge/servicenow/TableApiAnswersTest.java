package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the client makes of answers the sandbox does not give: other paging headers, foreign error pages, odd records. */
class TableApiAnswersTest {

    final TableApiAnswers answers = new TableApiAnswers("ServiceNow", new ObjectMapper());
    final OutboundRequest request = OutboundRequest.get("/api/now/table/problem_task");

    static OutboundResponse answer(int status, Map<String, List<String>> headers, String body) {
        return new OutboundResponse(status, headers, body);
    }

    @Test
    void theNextLinkDecidesWhenThereIsOne() {
        String withNext = "<https://x/api/now/table/t?sysparm_offset=0>;rel=\"first\","
                + "<https://x/api/now/table/t?sysparm_offset=50>;rel=\"next\"";
        String lastPage = "<https://x/api/now/table/t?sysparm_offset=0>;rel=\"first\","
                + "<https://x/api/now/table/t?sysparm_offset=0>;rel=\"last\"";
        Map<String, List<String>> misleadingCount = Map.of("X-Total-Count", List.of("500"));

        assertThat(TableApiAnswers.hasMore(answer(200, Map.of("Link", List.of(withNext)), ""), 0, 50, 50)).isTrue();
        assertThat(TableApiAnswers.hasMore(answer(200, Map.of("link", List.of(lastPage), "X-Total-Count",
                List.of("500")), ""), 0, 50, 50)).isFalse();
        assertThat(TableApiAnswers.hasMore(answer(200, misleadingCount, ""), 0, 0, 50))
                .as("an empty page ends paging whatever the count says").isFalse();
    }

    @Test
    void withoutALinkTheTotalCountDecidesAndWithoutEitherAFullPageDoes() {
        assertThat(TableApiAnswers.hasMore(answer(200, Map.of("X-Total-Count", List.of("120")), ""), 50, 50, 50)).isTrue();
        assertThat(TableApiAnswers.hasMore(answer(200, Map.of("X-Total-Count", List.of("120")), ""), 100, 20, 50)).isFalse();
        assertThat(TableApiAnswers.hasMore(answer(200, Map.of(), ""), 0, 50, 50)).isTrue();
        assertThat(TableApiAnswers.hasMore(answer(200, Map.of(), ""), 0, 49, 50)).isFalse();
    }

    @Test
    void errorReasonIsServiceNowsMessageAndDetailOrNothingForForeignBodies() {
        assertThat(answers.errorReason(answer(403, Map.of(), "{\"error\":{\"message\":\"Operation Failed\","
                + "\"detail\":\"ACL Exception Update Failed due to security constraints\"},\"status\":\"failure\"}")))
                .isEqualTo("Operation Failed - ACL Exception Update Failed due to security constraints");
        assertThat(answers.errorReason(answer(400, Map.of(), "{\"error\":{\"message\":\"Invalid table x\","
                + "\"detail\":null},\"status\":\"failure\"}"))).isEqualTo("Invalid table x");
        assertThat(answers.errorReason(answer(502, Map.of(), "<html><body>Bad gateway</body></html>"))).isNull();
        assertThat(answers.errorReason(answer(500, Map.of(), ""))).isNull();
    }

    @Test
    void theReasonIsKeptOnOneShortLineInTheException() {
        String reason = answers.errorReason(answer(400, Map.of(), "{\"error\":{\"message\":\"Line one\\nline two "
                + "x".repeat(400) + "\"},\"status\":\"failure\"}"));
        RemoteCallException e = RemoteCallException.forResponse("ServiceNow", request, answer(400, Map.of(), ""), reason);

        assertThat(e.getMessage()).startsWith("ServiceNow GET /api/now/table/problem_task answered 400 (request refused): "
                + "Line one line two").doesNotContain("\n").endsWith("...");
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void recordsWithoutTheirAuditColumnsAreUnusableNotHalfRead() {
        ObjectMapper json = new ObjectMapper();
        OutboundResponse ok = answer(200, Map.of(), "");

        assertThatThrownBy(() -> answers.record(request, ok, json.readTree("{\"sys_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"sys_mod_count\":\"1\"}"), List.of()))
                .isInstanceOf(RemoteCallException.class).hasMessageContaining("sys_updated_on");
        assertThatThrownBy(() -> answers.record(request, ok, json.readTree("{\"sys_updated_on\":\"2026-01-01 00:00:00\","
                + "\"sys_mod_count\":\"1\"}"), List.of()))
                .isInstanceOf(RemoteCallException.class).hasMessageContaining("no sys_id");
        assertThatThrownBy(() -> answers.result(request, answer(200, Map.of(), "<html/>")))
                .isInstanceOf(RemoteCallException.class).hasMessageContaining("no result");
    }

    @Test
    void aReferenceSentWithItsLinkIsStillReadAsTheSysId() throws Exception {
        ServiceNowRecord record = answers.record(request, answer(200, Map.of(), ""), new ObjectMapper().readTree(
                "{\"sys_id\":\"0123456789abcdef0123456789abcdef\",\"sys_updated_on\":\"2026-01-31 23:59:58\","
                        + "\"sys_mod_count\":\"4\",\"assigned_to\":{\"link\":\"https://x/api/now/table/sys_user/"
                        + "fedcba9876543210fedcba9876543210\",\"value\":\"fedcba9876543210fedcba9876543210\"}}"),
                List.of("assigned_to", "not_returned"));

        assertThat(record.text("assigned_to")).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(record.updatedOn()).isEqualTo(Instant.parse("2026-01-31T23:59:58Z"));
        assertThat(record.modCount()).isEqualTo(4);
        assertThat(record.fields().has("not_returned")).isFalse();
    }
}

package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JQL the connector sends is understood exactly; anything else is refused, never widened. */
class JqlParserTest {

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        JqlQuery query = JqlParser.parse("project = PAY AND (status = \"In Progress\" OR labels in (a, \"b c\"))");

        assertThat(query.where()).isEqualTo(new JqlQuery.And(List.of(
                new JqlQuery.Clause("project", "=", List.of("PAY")),
                new JqlQuery.Or(List.of(
                        new JqlQuery.Clause("status", "=", List.of("In Progress")),
                        new JqlQuery.Clause("labels", "in", List.of("a", "b c")))))));
    }

    @Test
    void withoutParenthesesOrSplitsAtTheTop() {
        JqlQuery query = JqlParser.parse("project = A and labels = x or project = B");

        assertThat(query.where()).isInstanceOf(JqlQuery.Or.class);
        assertThat(((JqlQuery.Or) query.where()).parts().get(0)).isInstanceOf(JqlQuery.And.class);
    }

    @Test
    void quotedStringsKeepEscapedQuotesAndBackslashes() {
        JqlQuery query = JqlParser.parse("labels = \"say \\\"hi\\\" \\\\ now\"");

        assertThat(((JqlQuery.Clause) query.where()).values()).containsExactly("say \"hi\" \\ now");
    }

    @Test
    void orderByReadsFieldsAndDirections() {
        JqlQuery query = JqlParser.parse("updated >= \"2026/11/25 10:15\" ORDER BY updated ASC, key");

        assertThat(query.where()).isEqualTo(new JqlQuery.Clause("updated", ">=", List.of("2026/11/25 10:15")));
        assertThat(query.orderBy()).containsExactly(new JqlQuery.Sort("updated", true), new JqlQuery.Sort("key", true));
        assertThat(JqlParser.parse("order by updated desc").orderBy())
                .containsExactly(new JqlQuery.Sort("updated", false));
    }

    @Test
    void notInAndAliasesAreCanonical() {
        JqlQuery query = JqlParser.parse("type not in (Bug, Epic) AND issuekey != PAY-1");

        assertThat(query.where()).isEqualTo(new JqlQuery.And(List.of(
                new JqlQuery.Clause("issuetype", "not in", List.of("Bug", "Epic")),
                new JqlQuery.Clause("key", "!=", List.of("PAY-1")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "project = PAY AND",
        "project = PAY OR OR status = Done",
        "(project = PAY",
        "project = PAY)",
        "project PAY",
        "summary ~ \"gateway\"",
        "text ~ gateway",
        "reporter = x",
        "project = \"PAY",
        "project = PAY ORDER BY summary",
        "project = PAY ORDER updated",
        "project > PAY",
        "updated in (\"2026/11/25\")",
        "assignee = currentUser()",
        "labels is EMPTY",
        "project = PAY; DROP",
        "NOT project = PAY",
        "project = PAY labels = x",
    })
    void whatItDoesNotUnderstandIsAnErrorInTheJqlQuery(String jql) {
        assertThatThrownBy(() -> JqlParser.parse(jql))
                .isInstanceOf(JqlException.class)
                .hasMessageStartingWith("Error in the JQL Query: ");
    }

    @Test
    void errorsSayWhereTheQueryWentWrong() {
        assertThatThrownBy(() -> JqlParser.parse("project = PAY AND"))
                .hasMessage("Error in the JQL Query: Expecting a field name but got the end of the query. "
                        + "(line 1, character 18)");
    }
}

package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.Priority;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * For every field the shipped mapping keeps in sync both ways, writing an item to a side and reading
 * it back gives the same canonical value: nothing drifts when an item travels Jira -> ServiceNow -> Jira.
 */
class MappingRoundTripTest {

    private ActionItemMapping mapping;
    private List<CanonicalField> bothWays;

    @BeforeProperty
    void load() throws MappingValidationException {
        mapping = new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR).actionItems();
        bothWays = mapping.fieldRules().values().stream().filter(r -> r.direction() == FieldFlow.BOTH)
                .map(FieldRule::field).toList();
    }

    @Property(tries = 300)
    void bothWayFieldsSurviveATripThroughEitherSide(@ForAll("items") ActionItem item, @ForAll("systems") ExternalSystem side) {
        assertThat(bothWays).contains(CanonicalField.TITLE, CanonicalField.STATUS, CanonicalField.DESCRIPTION);
        ExternalWrite written = mapping.toExternal(side, item);
        ActionItem readBack = mapping.toCanonical(side, written.fields());
        for (CanonicalField field : bothWays) {
            assertThat(valueOf(field, readBack)).as(field.yaml() + " via " + side + ": " + written.fields())
                    .isEqualTo(valueOf(field, item));
        }
    }

    private static Object valueOf(CanonicalField field, ActionItem item) {
        return switch (field) {
            case TITLE -> item.title();
            case DESCRIPTION -> item.description();
            case STATUS -> item.status();
            case PRIORITY -> item.priority();
            case ASSIGNEE -> item.assigneeEmail();
            case DUE_DATE -> item.dueDate();
            case LABELS -> item.labels();
            case COMPONENTS -> item.components();
            case FAILURE_MODE -> item.failureMode();
        };
    }

    @Provide
    Arbitrary<ExternalSystem> systems() {
        return Arbitraries.of(ExternalSystem.values());
    }

    @Provide
    Arbitrary<ActionItem> items() {
        Arbitrary<String> title = Arbitraries.strings().ofMinLength(1).ofMaxLength(80)
                .filter(s -> !s.isBlank());
        // Canonical text as the converters produce it: words in paragraphs (odd whitespace and control
        // characters are normalised by the text converters and have their own round-trip properties).
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u00fc', '\u4e2d')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> paragraph = word.list().ofMinSize(1).ofMaxSize(12).map(words -> String.join(" ", words));
        Arbitrary<String> description = paragraph.list().ofMaxSize(4).map(paragraphs -> String.join("\n\n", paragraphs));
        Arbitrary<String> assignee = Arbitraries.of("beth.anglin@example.com", "david.loo@example.com",
                "abel.tuter@example.com").injectNull(0.2);
        Arbitrary<LocalDate> due = Arbitraries.integers().between(0, 40_000)
                .map(days -> LocalDate.of(2000, 1, 1).plusDays(days)).injectNull(0.2);
        Arbitrary<String> failureMode = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '.')
                .ofMinLength(1).ofMaxLength(20).injectNull(0.3);
        Arbitrary<Set<String>> labels = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .set().ofMaxSize(4).filter(s -> !s.contains("retro-action"));
        return Combinators.combine(title, description, Arbitraries.of(ActionStatus.class), Arbitraries.of(Priority.class),
                        assignee, due, labels, failureMode)
                .as((t, d, s, p, a, dd, l, f) -> new ActionItem(t, d, s, p, a, dd, l, Set.of(), f, null));
    }

    @Property(tries = 50)
    void oneWayFieldsAreWrittenOnlyTowardsTheirTarget(@ForAll("items") ActionItem item) {
        Map<CanonicalField, FieldRule> rules = mapping.fieldRules();
        FieldRule priority = rules.get(CanonicalField.PRIORITY);
        assertThat(mapping.toExternal(ExternalSystem.JIRA, item).fields().has(priority.jira().field())).isFalse();
        assertThat(mapping.toExternal(ExternalSystem.SERVICENOW, item).fields().has("impact")).isTrue();
    }
}

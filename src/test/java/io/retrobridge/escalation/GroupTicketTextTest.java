package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.escalation.Grouping;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTicketTextTest {

    private final GroupTicketText text = new GroupTicketText(new Grouping(1, DayOfWeek.MONDAY, TestPolicy.GROUP_TEXT));

    @Test
    void listsOneLinePerItemSortedByKey() {
        EscalationSubject disk = TestSubject.item().key("rb-2").title("Alert when the disk fills").due(LocalDate.of(2026, 11, 25))
                .build();
        EscalationSubject jiraOnly = TestSubject.item().key("rb-1").onlyInJira().title("Document the rollback")
                .unassigned().due(LocalDate.of(2026, 11, 25)).build();

        RenderedText rendered = text.render(TestPolicy.BOARDS.get("cab"), "2026-W48",
                List.of(new GroupLine(disk, 3), new GroupLine(jiraOnly, 1)));

        assertThat(rendered.title()).isEqualTo("Change Advisory Board: 2 overdue actions, 2026-W48");
        assertThat(rendered.body()).isEqualTo("""
                Overdue retrospective actions for Change Advisory Board in 2026-W48:
                PAY-12 Document the rollback — unassigned, due 2026-11-25, 1 day overdue
                PTASK0010002 Alert when the disk fills — owner David Loo, due 2026-11-25, 3 days overdue""");
    }

    @Test
    void theSameItemsInAnyOrderGiveTheSameText() {
        GroupLine a = new GroupLine(TestSubject.item().key("rb-1").onlyInJira().build(), 2);
        GroupLine b = new GroupLine(TestSubject.item().key("rb-2").build(), 2);

        assertThat(text.render(TestPolicy.BOARDS.get("cab"), "2026-W48", List.of(a, b)))
                .isEqualTo(text.render(TestPolicy.BOARDS.get("cab"), "2026-W48", List.of(b, a)));
    }

    @Test
    void aLineStaysOneShortLineWhateverTheTitle() {
        String title = "Line one\nline two " + "x".repeat(300);

        String line = text.line(new GroupLine(TestSubject.item().title(title).ownerName(null).build(), 0));

        assertThat(line).doesNotContain("\n")
                .startsWith("PTASK0010002 Line one line two xxx")
                .contains("… — owner david.loo@example.com, due 2026-11-18, 0 days overdue");
        assertThat(line.length()).isLessThan(GroupTicketText.MAX_TITLE_IN_LINE + 100);
    }

    @Test
    void anEmptyListSaysSo() {
        RenderedText rendered = text.render(TestPolicy.BOARDS.get("cab"), "2026-W48", List.of());

        assertThat(rendered.title()).isEqualTo("Change Advisory Board: 0 overdue actions, 2026-W48");
        assertThat(rendered.body()).isEqualTo("Overdue retrospective actions for Change Advisory Board in 2026-W48:\n—");
    }
}

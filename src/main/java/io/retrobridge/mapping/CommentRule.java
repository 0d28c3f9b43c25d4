package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How comments on a linked action item travel: which way, into which ServiceNow journal field, and as
 * which text there.
 *
 * @param direction         which way comments are copied; {@link Direction#NONE} copies none
 * @param serviceNowJournal the journal field Jira comments become, and the one read for comments to copy
 * @param serviceNowText    how text is written to that journal: HTML in {@code [code]} (keeps lists, links,
 *                          code) or plain text
 */
public record CommentRule(Direction direction, JournalField serviceNowJournal, TextFormat serviceNowText) {

    /** What a mapping file without a {@code comments:} section means. */
    public static final CommentRule DEFAULT = new CommentRule(Direction.BOTH, JournalField.WORK_NOTES, TextFormat.HTML);

    public CommentRule {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(serviceNowJournal, "serviceNowJournal");
        Objects.requireNonNull(serviceNowText, "serviceNowText");
        if (serviceNowText == TextFormat.ADF) {
            throw new IllegalArgumentException("ServiceNow journal text is html or plain, not adf");
        }
    }

    /** True when a comment written on {@code source} is copied to the other side. */
    public boolean carriesFrom(ExternalSystem source) {
        return switch (direction) {
            case BOTH -> true;
            case JIRA_TO_SERVICENOW -> source == ExternalSystem.JIRA;
            case SERVICENOW_TO_JIRA -> source == ExternalSystem.SERVICENOW;
            case NONE -> false;
        };
    }

    public enum Direction {
        BOTH("both"),
        JIRA_TO_SERVICENOW("jira->servicenow"),
        SERVICENOW_TO_JIRA("servicenow->jira"),
        NONE("none");

        private final String yaml;

        Direction(String yaml) {
            this.yaml = yaml;
        }

        /** How mapping files spell it. */
        public String yaml() {
            return yaml;
        }

        static List<String> spellings() {
            return Arrays.stream(values()).map(Direction::yaml).toList();
        }

        static Optional<Direction> parse(String yaml) {
            return Arrays.stream(values()).filter(d -> d.yaml.equals(yaml)).findFirst();
        }
    }

    /** The ServiceNow journal fields a comment can become. */
    public enum JournalField {
        /** Seen by fulfillers only. */
        WORK_NOTES("work_notes", "work note"),
        /** Additional comments, seen by the caller too. */
        COMMENTS("comments", "comment");

        private final String element;
        private final String noun;

        JournalField(String element, String noun) {
            this.element = element;
            this.noun = noun;
        }

        /** The field's name in ServiceNow, as {@code sys_journal_field.element} holds it. */
        public String element() {
            return element;
        }

        /** What people call one entry of it. */
        public String noun() {
            return noun;
        }

        static List<String> elements() {
            return Arrays.stream(values()).map(JournalField::element).toList();
        }

        static Optional<JournalField> parse(String element) {
            return Arrays.stream(values()).filter(f -> f.element.equals(element)).findFirst();
        }
    }
}

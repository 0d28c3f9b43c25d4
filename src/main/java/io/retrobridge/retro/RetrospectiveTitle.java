package io.retrobridge.retro;

import io.retrobridge.domain.RetrospectiveTrigger;
import java.util.Locale;

/** What a retrospective is called in both systems, and how its section names read. */
final class RetrospectiveTitle {

    private RetrospectiveTitle() {
    }

    /**
     * e.g. "Retrospective: payment-gateway 4.2 in production (CHG0030001)", "Retrospective: change CHG0030001" (a
     * change without a configuration item), "Retrospective: program payments (3 releases)".
     */
    static String of(RetrospectiveTrigger trigger) {
        StringBuilder title = new StringBuilder("Retrospective: ");
        if (trigger.programLevel()) {
            title.append("program ").append(trigger.program() == null ? trigger.key() : trigger.program())
                    .append(" (").append(trigger.releases().size()).append(" releases)");
        } else if (trigger.application() == null) {
            // A change whose configuration item ServiceNow did not give: one release, known by its change.
            title.append(trigger.changeNumber() == null ? trigger.key() : "change " + trigger.changeNumber());
        } else {
            title.append(trigger.application());
            if (trigger.version() != null) {
                title.append(' ').append(trigger.version());
            }
            if (trigger.environment() != null) {
                title.append(" in ").append(trigger.environment());
            }
            if (trigger.changeNumber() != null) {
                title.append(" (").append(trigger.changeNumber()).append(')');
            }
        }
        return title.length() > 250 ? title.substring(0, 250) + "..." : title.toString();
    }

    /** A section id as a heading: "root-cause" reads "Root cause"; a name with spaces keeps its words. */
    static String section(String id) {
        String words = id.strip().replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? id : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

package io.retrobridge.insight.pir;

import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.PirSummary.DataGap;
import io.retrobridge.domain.PirSummary.MetricRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a PIR cannot show: failure modes the release's retrospective names that no PIR metric or alert rule watches,
 * Alertmanager notifications that left alerts out in the windows, and metrics without a figure.
 */
final class PirGaps {

    private PirGaps() {
    }

    /**
     * @param named        the failure modes the retrospective and its action items name
     * @param retrospective the retrospective's key, for the words
     * @param covered      the failure modes some PIR metric or alert rule watches
     */
    static List<DataGap> of(Set<String> named, String retrospective, Set<String> covered,
                            Collection<AlertTruncation> truncations, Collection<MetricRow> rows) {
        List<DataGap> gaps = new ArrayList<>();
        Set<String> uncovered = new TreeSet<>(named);
        uncovered.removeAll(covered);
        for (String mode : uncovered) {
            gaps.add(new DataGap("uncovered-failure-mode", "failure mode " + mode + ", named in retrospective "
                    + retrospective + ", is watched by no PIR metric or alert rule"));
        }
        for (AlertTruncation truncation : truncations) {
            gaps.add(new DataGap("truncated-alerts", "Alertmanager left " + truncation.truncated() + " alert(s) of group "
                    + truncation.groupKey() + " out at " + truncation.receivedAt()
                    + (truncation.receiver() == null ? "" : " (receiver " + truncation.receiver() + ")")
                    + ": the alerts shown may be incomplete"));
        }
        for (MetricRow row : rows) {
            if (row.problem() != null) {
                gaps.add(new DataGap("metric-unavailable", row.title() + " (" + row.id() + ") has no figure: "
                        + row.problem()));
            }
        }
        return gaps;
    }
}

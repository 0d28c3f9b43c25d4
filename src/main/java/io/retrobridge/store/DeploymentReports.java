package io.retrobridge.store;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How two reports of one run become one: the report that carries the run's end leads (the later end when both do,
 * the newer report when neither does), the other only fills what it leaves out. So a start arriving after the end
 * fills the start and never undoes the end, and a rollback once known stays known.
 */
final class DeploymentReports {

    private DeploymentReports() {
    }

    static Deployment merge(Deployment stored, Deployment report) {
        boolean reportLeads = leads(report, stored);
        Deployment lead = reportLeads ? report : stored;
        Deployment other = reportLeads ? stored : report;
        Instant finishedAt = lead.finishedAt() != null ? lead.finishedAt() : other.finishedAt();
        Instant startedAt = lead.startedAt() != null ? lead.startedAt() : other.startedAt();
        if (startedAt != null && finishedAt != null && startedAt.isAfter(finishedAt)) {
            // Reports that disagree about the times: the start reported with the end belongs to it.
            startedAt = lead.startedAt();
        }
        return new Deployment(stored.source(), stored.runId(), lead.application(), lead.environment(), lead.version(),
                either(lead.commitSha(), other.commitSha()), either(lead.pipeline(), other.pipeline()),
                either(lead.runUrl(), other.runUrl()), startedAt, finishedAt, lead.result(),
                stored.rollback() || report.rollback(), either(lead.changeNumber(), other.changeNumber()));
    }

    /** The report as the columns keep it: times to the microsecond, so a report read back equals it. */
    static Deployment asStored(Deployment report) {
        return new Deployment(report.source(), report.runId(), report.application(), report.environment(),
                report.version(), report.commitSha(), report.pipeline(), report.runUrl(), micros(report.startedAt()),
                micros(report.finishedAt()), report.result(), report.rollback(), report.changeNumber());
    }

    private static boolean leads(Deployment report, Deployment stored) {
        if (report.result().finished() != stored.result().finished()) {
            return report.result().finished();
        }
        if (report.result() == DeploymentResult.RUNNING) {
            return true;
        }
        return !report.finishedAt().isBefore(stored.finishedAt());
    }

    private static String either(String first, String second) {
        return first != null ? first : second;
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}

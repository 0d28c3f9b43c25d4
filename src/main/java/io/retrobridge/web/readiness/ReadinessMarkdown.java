package io.retrobridge.web.readiness;

import io.retrobridge.web.readiness.ReadinessViews.FailureMode;
import io.retrobridge.web.readiness.ReadinessViews.FollowUp;
import io.retrobridge.web.readiness.ReadinessViews.GateBlock;
import io.retrobridge.web.readiness.ReadinessViews.Pir;
import io.retrobridge.web.readiness.ReadinessViews.PirMetric;
import io.retrobridge.web.readiness.ReadinessViews.Retrospective;
import io.retrobridge.web.readiness.ReadinessViews.Review;
import io.retrobridge.web.readiness.ReadinessViews.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A readiness review as a Markdown document a release manager pastes into the review ticket: the same content as
 * the JSON, one section each. Every value from the store is escaped, so a title with pipes, brackets, HTML or line
 * breaks stays text in its table cell and never turns into markup, a link or a new row.
 */
final class ReadinessMarkdown {

    /** Line breaks and other control characters: a cell and a line must stay one line. */
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    /** What Markdown (and the HTML it may carry) reads as markup inside a line. */
    private static final Pattern MARKUP = Pattern.compile("([\\\\`*_\\[\\]<>|~&#!])");
    /** What would end or break a link's destination written as {@code <...>}. */
    private static final Pattern UNSAFE_IN_LINK = Pattern.compile("[<>\\s\\p{Cntrl}\\\\]");

    private ReadinessMarkdown() {
    }

    static String of(Review review) {
        StringBuilder out = new StringBuilder();
        out.append("# Readiness review: ").append(text(review.application()))
                .append(review.version() == null ? "" : " " + text(review.version()))
                .append(" to ").append(text(review.environment())).append("\n\n");
        out.append("Gathered ").append(review.generatedAt()).append(" from RetroBridge's local store.\n\n");
        if (review.note() != null) {
            out.append("> ").append(text(review.note())).append("\n\n");
        }
        gate(out, review.gate());
        followUps(out, review.followUps());
        deployments(out, review.deployments());
        pirs(out, review);
        failureModes(out, review.failureModes());
        retrospectives(out, review.retrospectives());
        return out.toString();
    }

    private static void gate(StringBuilder out, ReadinessViews.Gate gate) {
        out.append("## Gate\n\n**").append(text(gate.decision())).append("** (gate ").append(text(gate.gate()))
                .append(", tier ").append(text(gate.tier())).append(", mode ").append(text(gate.mode()))
                .append(")\n\n").append(text(gate.reason())).append("\n\n");
        if (!gate.blocking().isEmpty()) {
            out.append("| Blocking | Title | Rule |\n|---|---|---|\n");
            for (GateBlock block : gate.blocking()) {
                row(out, linked(block.reference(), block.links()), text(block.title()), text(block.rule()));
            }
            out.append('\n');
        }
        for (String warning : gate.warnings()) {
            out.append("- ").append(text(warning)).append('\n');
        }
        if (!gate.warnings().isEmpty()) {
            out.append('\n');
        }
    }

    private static void followUps(StringBuilder out, ReadinessViews.FollowUps followUps) {
        out.append("## Open follow-ups\n\n");
        if (followUps.note() != null) {
            out.append(text(followUps.note())).append("\n\n");
            return;
        }
        out.append(followUps.open()).append(" open, ").append(followUps.overdue()).append(" overdue, ")
                .append(followUps.escalated()).append(" escalated to a board.\n\n");
        if (followUps.items().isEmpty()) {
            return;
        }
        out.append("| Item | Title | Retrospective | Due | Overdue | Escalated to | Failure mode |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (FollowUp item : followUps.items()) {
            row(out, linked(item.reference(), item.links()), text(item.title()), text(item.retrospective()),
                    item.due() == null ? "" : item.due().toString(), overdue(item), text(item.escalatedTo()),
                    text(item.failureMode()));
        }
        out.append('\n');
    }

    private static String overdue(FollowUp item) {
        if (!item.overdue()) {
            return "no";
        }
        if (item.daysOverdue() == null || item.daysOverdue() == 0) {
            return "yes";
        }
        return "**" + item.daysOverdue() + (item.daysOverdue() == 1 ? " day**" : " days**");
    }

    private static void deployments(StringBuilder out, ReadinessViews.Deployments runs) {
        out.append("## Failed deployments and rollbacks\n\n").append("To ").append(text(runs.environment()))
                .append(" from ").append(runs.from()).append(" to ").append(runs.to()).append(": ")
                .append(runs.finished()).append(" finished, ").append(runs.failed()).append(" failed or aborted, ")
                .append(runs.rollbacks()).append(runs.rollbacks() == 1 ? " rollback" : " rollbacks").append(".\n\n");
        if (runs.wentWrong().isEmpty()) {
            return;
        }
        out.append("| Finished | Version | Result | Rollback | Change | Run |\n|---|---|---|---|---|---|\n");
        for (Run run : runs.wentWrong()) {
            row(out, String.valueOf(run.finishedAt()), text(run.version()), text(run.result()),
                    run.rollback() ? "yes" : "no", linked(run.changeNumber(), run.links().servicenow()),
                    linked(run.pipeline() != null ? run.pipeline() : run.runId(), run.runUrl()));
        }
        out.append('\n');
    }

    private static void pirs(StringBuilder out, Review review) {
        out.append("## Last PIR\n\n");
        Pir latest = review.pir().latest();
        if (latest == null) {
            out.append("No PIR summary of ").append(text(review.application())).append(" is recorded.\n\n");
        } else {
            pir(out, latest);
        }
        if (review.version() == null) {
            return;
        }
        Pir forVersion = review.pir().forVersion();
        if (forVersion == null) {
            out.append("No PIR summary of version ").append(text(review.version())).append(" is recorded.\n\n");
        } else if (latest == null || !forVersion.key().equals(latest.key())) {
            out.append("### Version ").append(text(review.version())).append("\n\n");
            pir(out, forVersion);
        }
    }

    private static void pir(StringBuilder out, Pir pir) {
        out.append(linked(pir.key(), pir.url())).append(": ").append(text(pir.version()))
                .append(" deployed to ").append(text(pir.environment())).append(' ').append(pir.deployedAt())
                .append(", figures collected ").append(pir.collectedAt()).append("; ").append(pir.degraded())
                .append(" of ").append(pir.metrics().size()).append(" metrics degraded")
                .append(pir.complete() ? "." : "; incomplete: " + text(pir.incomplete()) + ".").append("\n\n");
        if (!pir.metrics().isEmpty()) {
            out.append("| Metric | Before | After | Change | Verdict |\n|---|---|---|---|---|\n");
            for (PirMetric metric : pir.metrics()) {
                String unit = metric.unit() == null ? "" : " " + text(metric.unit());
                row(out, text(metric.title()), number(metric.before()) + (metric.before() == null ? "" : unit),
                        number(metric.after()) + (metric.after() == null ? "" : unit),
                        metric.changePercent() == null ? "" : number(metric.changePercent()) + " %",
                        text(metric.verdict()));
            }
            out.append('\n');
        }
        for (String gap : pir.gaps()) {
            out.append("- ").append(text(gap)).append('\n');
        }
        if (!pir.gaps().isEmpty()) {
            out.append('\n');
        }
    }

    private static void failureModes(StringBuilder out, List<FailureMode> modes) {
        out.append("## Failure modes\n\n");
        if (modes.isEmpty()) {
            out.append("No action item of its retrospectives names a failure mode.\n\n");
            return;
        }
        out.append("| Failure mode | Retrospectives | Items | Open | Recurred | Named in |\n")
                .append("|---|---|---|---|---|---|\n");
        for (FailureMode mode : modes) {
            row(out, text(mode.name()), String.valueOf(mode.retrospectives()), String.valueOf(mode.items()),
                    String.valueOf(mode.open()), mode.recurred() ? "**yes**" : "no",
                    String.join(", ", mode.namedIn().stream().map(ReadinessMarkdown::text).toList()));
        }
        out.append('\n');
    }

    private static void retrospectives(StringBuilder out, ReadinessViews.Retrospectives retrospectives) {
        out.append("## Retrospectives\n\n").append(retrospectives.total()).append(" recorded")
                .append(retrospectives.latest().isEmpty() ? ".\n" : "; the newest:\n\n");
        if (retrospectives.latest().isEmpty()) {
            return;
        }
        out.append("| Retrospective | Opened | Why | Jira | ServiceNow |\n|---|---|---|---|---|\n");
        for (Retrospective retrospective : retrospectives.latest()) {
            row(out, text(retrospective.name()), String.valueOf(retrospective.openedAt()),
                    text(retrospective.reason()), linked(retrospective.jiraKey(), retrospective.links().jira()),
                    linked(retrospective.serviceNowNumber(), retrospective.links().servicenow()));
        }
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String linked(String label, ReadinessViews.Links links) {
        return linked(label, links.jira() != null ? links.jira() : links.servicenow());
    }

    /** The label as a link, or as plain text where there is no address; empty when there is no label. */
    private static String linked(String label, String url) {
        if (label == null) {
            return "";
        }
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return text(label);
        }
        return "[" + text(label) + "](<" + UNSAFE_IN_LINK.matcher(url).replaceAll("%20") + ">)";
    }

    /** Text as Markdown shows it literally, on one line; null reads as empty. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return MARKUP.matcher(BREAKS.matcher(value).replaceAll(" ")).replaceAll("\\\\$1");
    }

    private static String number(Double value) {
        if (value == null) {
            return "no data";
        }
        if (value.isNaN() || value.isInfinite()) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

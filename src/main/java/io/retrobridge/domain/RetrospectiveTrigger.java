package io.retrobridge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A release (or a program's run of failed releases) that the admin's inclusion criteria say needs a retrospective:
 * which rule said so and why, what kind of retrospective, and by when. One retrospective is opened per key, however
 * often the facts behind it arrive.
 *
 * @param key               one per triggering release or program: {@code change:CHG0030001} when the release has a
 *                          change, else {@code release:<application>:<environment>:<version>}, or
 *                          {@code program:<program>:<first release's key>} for a program-level one
 * @param ruleId            the inclusion rule that matched
 * @param tier              the rule's tier, e.g. {@code lightweight} or {@code deep-dive}
 * @param mandatorySections the tier's sections that must be filled in
 * @param optionalSections  the tier's sections that may be
 * @param reason            why, in words fit for the record (e.g. "change CHG0030001 closed unsuccessful")
 * @param application       null for a program-level retrospective spanning several
 * @param environment       null when unknown
 * @param version           null when unknown
 * @param changeNumber      the release's ServiceNow change; null when none
 * @param program           the application's program; null when the criteria name none
 * @param due               when the retrospective should be held
 * @param releases          the keys of the releases it covers (one, or several for a program)
 */
public record RetrospectiveTrigger(String key, String ruleId, String tier, List<String> mandatorySections,
                                   List<String> optionalSections, String reason, String application,
                                   String environment, String version, String changeNumber, String program,
                                   LocalDate due, Instant triggeredAt, List<String> releases) {

    public RetrospectiveTrigger {
        RecordArguments.identifier(key, "key");
        RecordArguments.identifier(ruleId, "ruleId");
        RecordArguments.identifier(tier, "tier");
        mandatorySections = List.copyOf(RecordArguments.required(mandatorySections, "mandatorySections"));
        optionalSections = List.copyOf(RecordArguments.required(optionalSections, "optionalSections"));
        RecordArguments.notBlank(reason, "reason");
        RecordArguments.required(due, "due");
        RecordArguments.required(triggeredAt, "triggeredAt");
        releases = List.copyOf(RecordArguments.required(releases, "releases"));
    }

    /** Whether it spans a program's releases rather than one release. */
    public boolean programLevel() {
        return key.startsWith("program:");
    }
}

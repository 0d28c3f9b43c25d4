package io.retrobridge.mapping.retro;

/**
 * What {@code retrospectives.yaml} says: which releases need a retrospective (inclusion criteria, program
 * thresholds), of which tier, due when, and where it is opened.
 */
public record RetrospectivesMapping(RetrospectiveRecords records) {

    public static final String FILE_NAME = "retrospectives.yaml";
}

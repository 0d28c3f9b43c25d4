package io.retrobridge.mapping.retro;

import io.retrobridge.domain.WorkCalendar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code retrospectives.yaml} says: which releases need a retrospective (inclusion criteria, program
 * thresholds), of which tier, due when, and where it is opened.
 *
 * @param rules    in order: a release takes the first rule that matches it
 * @param tiers    by id, in the file's order
 * @param programs by id, in the file's order
 * @param calendar how due dates are counted
 */
public record RetrospectivesMapping(RetrospectiveRecords records, List<InclusionRule> rules, Map<String, Tier> tiers,
                                    Map<String, Program> programs, WorkCalendar calendar) {

    public static final String FILE_NAME = "retrospectives.yaml";

    public RetrospectivesMapping {
        rules = List.copyOf(rules);
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
        programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    }

    /** Where retrospectives open, with no rule: nothing opens one by itself. */
    public RetrospectivesMapping(RetrospectiveRecords records) {
        this(records, List.of(), Map.of(), Map.of(), WorkCalendar.standard());
    }

    public Tier tier(String id) {
        Tier tier = tiers.get(id);
        if (tier == null) {
            throw new IllegalArgumentException("no tier " + id + "; the file defines " + tiers.keySet());
        }
        return tier;
    }

    /** The program an application belongs to, if the file names one. */
    public Optional<Program> programOf(String application) {
        if (application == null) {
            return Optional.empty();
        }
        return programs.values().stream().filter(p -> p.applications().contains(application)).findFirst();
    }
}

package io.retrobridge.gate;

import io.retrobridge.mapping.gate.Gate;
import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.gate.GateRule;
import io.retrobridge.mapping.gate.GateTier;
import io.retrobridge.mapping.gate.GateTier.WhenUndecided;
import io.retrobridge.mapping.gate.Waiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a release may proceed: a pure function of the policy, the facts and the instant, so the same
 * question asked again after a follow-up is done gets the new answer with no restart. In this order:
 * <ol>
 *   <li>The application's tier is the one {@code gates.yaml} gives it, else the default tier. The mode in force is
 *       the milder of the gate's and the tier's; a gate the file does not define is judged in the tier's mode (a
 *       mistyped gate name must not open the gate), and the reason says so.</li>
 *   <li>An environment the tier does not guard: ALLOW, "no gate for &lt;env&gt; in tier &lt;tier&gt;".</li>
 *   <li>Mode {@code off}: ALLOW, "gate off".</li>
 *   <li>An application the file does not list: the default tier's {@code when-undecided} answer, the reason naming
 *       the application.</li>
 *   <li>Facts {@link GateFacts.Unavailable}: the tier's {@code when-undecided} answer, the reason saying why.
 *       Facts {@link GateFacts.NotReady}: PENDING in enforce mode (ask again shortly), ALLOW in warn mode.</li>
 *   <li>Otherwise each rule of the tier is checked ({@link GateConditions} has the exact definitions). A rule that
 *       holds and that an active waiver covers (application and rule, before its {@code until}) becomes a warning
 *       naming who waived it, until when and why; an expired waiver changes nothing and is named as expired. A
 *       holding rule with {@code effect: warn} is a warning. A holding blocking rule denies in enforce mode; in
 *       warn mode it becomes a warning saying the release would have been denied.</li>
 * </ol>
 * A {@code when-undecided: deny} answer in warn mode is ALLOW as well, saying it would have been denied: warn mode
 * never blocks. Every reason is one line of plain text and quotes the facts as given, line breaks flattened.
 */
public final class GateDecider {

    /**
     * The answer to {@code question} under {@code policy}, from the application's {@code facts} at {@code now}.
     * Never throws for facts that say nothing could be read; the answer says so instead.
     */
    public GateAnswer decide(GatePolicy policy, ReleaseQuestion question, GateFacts facts, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(now, "now");
        GateTier tier = policy.tierOf(question.application());
        Optional<Gate> gate = policy.gateFor(question.gate());
        GateMode mode = gate.map(g -> g.modeFor(tier)).orElse(tier.mode());
        String gateNote = gate.isPresent() ? "" : " (gate " + GateText.flat(question.gate())
                + " is not defined in gates.yaml, so tier " + tier.name() + "'s mode " + word(mode) + " applies)";
        Answering answering = new Answering(tier, mode, GateText.subject(question), gateNote);
        if (!tier.appliesIn(question.environment())) {
            return answering.simple(GateDecision.ALLOW, "ALLOW: no gate for " + GateText.flat(question.environment())
                    + " in tier " + tier.name());
        }
        if (mode == GateMode.OFF) {
            return answering.simple(GateDecision.ALLOW, "ALLOW: gate off for " + answering.subject + " ("
                    + gate.map(g -> "gate " + g.name() + " is " + word(g.mode()) + ", ").orElse("") + "tier "
                    + tier.name() + " is " + word(tier.mode()) + ")");
        }
        if (!policy.lists(question.application())) {
            return answering.undecided(GateText.flat(question.application())
                    + " is not listed in gates.yaml, so it is in the default tier " + tier.name());
        }
        if (facts instanceof GateFacts.Unavailable unavailable) {
            return answering.undecided("its follow-ups could not be read: " + GateText.flat(unavailable.why()));
        }
        if (facts instanceof GateFacts.NotReady notReady) {
            String gathering = "follow-ups are still being gathered: " + GateText.flat(notReady.what());
            return mode.blocks()
                    ? answering.simple(GateDecision.PENDING, "PENDING: " + answering.subject + " waits while "
                            + gathering + "; ask again shortly")
                    : answering.simple(GateDecision.ALLOW, "ALLOW: " + answering.subject + " (warn mode): its "
                            + gathering);
        }
        return answering.judged(policy, question.application(), (GateFacts.Gathered) facts, now);
    }

    private static String word(GateMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** One answer being put together, with what every reason of it shares. */
    private static final class Answering {
        private final GateTier tier;
        private final GateMode mode;
        private final String subject;
        private final String gateNote;

        Answering(GateTier tier, GateMode mode, String subject, String gateNote) {
            this.tier = tier;
            this.mode = mode;
            this.subject = subject;
            this.gateNote = gateNote;
        }

        GateAnswer simple(GateDecision decision, String reason) {
            return new GateAnswer(decision, reason + gateNote, tier.name(), mode, List.of(), List.of(), List.of(),
                    List.of());
        }

        GateAnswer undecided(String cause) {
            String why = subject + ": cannot decide: " + cause + "; tier " + tier.name();
            if (tier.whenUndecided() == WhenUndecided.ALLOW) {
                return simple(GateDecision.ALLOW, "ALLOW: " + why + " fails open (when-undecided: allow)");
            }
            if (mode.blocks()) {
                return simple(GateDecision.DENY, "DENY: " + why + " fails closed (when-undecided: deny)");
            }
            return simple(GateDecision.ALLOW, "ALLOW: " + subject + " would have been denied (warn mode): cannot"
                    + " decide: " + cause + "; tier " + tier.name() + " fails closed (when-undecided: deny)");
        }

        GateAnswer judged(GatePolicy policy, String application, GateFacts.Gathered facts, Instant now) {
            List<GateFinding> blocking = new ArrayList<>();
            List<GateFinding> wouldBlock = new ArrayList<>();
            List<GateWarning> warnings = new ArrayList<>();
            List<GateWarning> notes = new ArrayList<>();
            List<String> fired = new ArrayList<>();
            List<Waiver> applied = new ArrayList<>();
            for (GateRule rule : tier.rules()) {
                Optional<GateFinding> holding = GateConditions.check(rule, facts, now);
                if (holding.isEmpty()) {
                    continue;
                }
                GateFinding finding = holding.get();
                fired.add(rule.id());
                List<Waiver> active = policy.activeWaivers(application, rule.id(), now);
                if (!active.isEmpty()) {
                    applied.addAll(active);
                    Waiver waiver = active.get(0);
                    notes.add(new GateWarning(rule.id(), rule.id() + " waived by " + GateText.flat(waiver.who())
                            + " until " + waiver.until() + ": " + GateText.flat(waiver.why()) + " (it waits for "
                            + finding.waitsFor() + ")", finding.items()));
                    continue;
                }
                policy.waivers().stream().filter(w -> w.covers(application, rule.id()) && !w.activeAt(now))
                        .forEach(w -> notes.add(new GateWarning(rule.id(), "waiver " + w.id() + " of "
                                + rule.id() + " by " + GateText.flat(w.who()) + " expired at " + w.until(),
                                List.of())));
                if (!rule.blocks()) {
                    notes.add(new GateWarning(rule.id(), rule.id() + " warns: it waits for " + finding.waitsFor(),
                            finding.items()));
                } else if (mode.blocks()) {
                    blocking.add(finding);
                } else {
                    wouldBlock.add(finding);
                    warnings.add(new GateWarning(rule.id(), "would have been denied by " + rule.id()
                            + ": it waits for " + finding.waitsFor(), finding.items()));
                }
            }
            warnings.addAll(notes);
            String reason = blocking.isEmpty() ? allowReason(wouldBlock, notes) : denyReason(blocking, notes);
            return new GateAnswer(blocking.isEmpty() ? GateDecision.ALLOW : GateDecision.DENY, reason + gateNote,
                    tier.name(), mode, blocking.stream().flatMap(f -> f.items().stream()).toList(), warnings, fired,
                    applied);
        }

        private String denyReason(List<GateFinding> blocking, List<GateWarning> warnings) {
            return "DENY: " + subject + " waits for " + waitsFor(blocking) + ". To proceed, finish what is named or"
                    + " have a waiver of " + GateText.and(blocking.stream().map(f -> f.rule().id()).toList())
                    + " signed off in gates.yaml." + also(warnings);
        }

        private String allowReason(List<GateFinding> wouldBlock, List<GateWarning> notes) {
            if (!wouldBlock.isEmpty()) {
                return "ALLOW: " + subject + " would have been denied (warn mode): it waits for "
                        + waitsFor(wouldBlock) + "." + also(notes);
            }
            if (notes.isEmpty()) {
                return "ALLOW: " + subject + ": nothing in tier " + tier.name() + " holds it back";
            }
            return "ALLOW: " + subject + ", with " + GateText.count(notes.size(), "warning") + ": "
                    + String.join("; ", notes.stream().map(GateWarning::message).toList());
        }

        private static String waitsFor(List<GateFinding> findings) {
            return String.join("; and for ", findings.stream().map(GateFinding::waitsFor).toList());
        }

        private static String also(List<GateWarning> warnings) {
            return warnings.isEmpty() ? "" : " Also: " + String.join("; ", warnings.stream()
                    .map(GateWarning::message).toList()) + ".";
        }
    }
}

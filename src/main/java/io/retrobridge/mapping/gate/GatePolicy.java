package io.retrobridge.mapping.gate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code gates.yaml} says: each application's risk tier, what each tier blocks or warns about and where, the
 * gates pipelines call and their modes, and the waivers signed off. Pure and immutable; whoever decides asks it.
 *
 * @param defaultTier  the tier of an application {@code applications} does not list
 * @param applications application (as deployments name it) to tier name
 * @param tiers        by name, in the file's order
 * @param gates        by name, in the file's order
 * @param waivers      in the file's order, expired ones included
 * @param write        where answers are written for the change approvers; {@link GateWrite#NONE} for nowhere
 */
public record GatePolicy(String defaultTier, Map<String, String> applications, Map<String, GateTier> tiers,
                         Map<String, Gate> gates, List<Waiver> waivers, GateWrite write) {

    public static final String FILE_NAME = "gates.yaml";

    public GatePolicy {
        applications = Map.copyOf(applications);
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
        gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
        waivers = List.copyOf(waivers);
        write = write == null ? GateWrite.NONE : write;
        if (!tiers.containsKey(defaultTier)) {
            throw new IllegalArgumentException("default tier `" + defaultTier + "` is not a tier");
        }
        for (Map.Entry<String, String> listed : applications.entrySet()) {
            if (!tiers.containsKey(listed.getValue())) {
                throw new IllegalArgumentException("application `" + listed.getKey() + "` is in unknown tier `"
                        + listed.getValue() + "`");
            }
        }
    }

    /** A policy that writes its answers nowhere but to the caller. */
    public GatePolicy(String defaultTier, Map<String, String> applications, Map<String, GateTier> tiers,
                      Map<String, Gate> gates, List<Waiver> waivers) {
        this(defaultTier, applications, tiers, gates, waivers, GateWrite.NONE);
    }

    /** Whether the file names the application; one it does not is judged by the default tier. */
    public boolean lists(String application) {
        return applications.containsKey(application);
    }

    /** The application's tier: the one the file gives it, else the default tier. */
    public GateTier tierOf(String application) {
        return tiers.get(applications.getOrDefault(Objects.requireNonNull(application, "application"), defaultTier));
    }

    /** The gate pipelines call by {@code name}; empty when the file has none of that name. */
    public Optional<Gate> gateFor(String name) {
        return Optional.ofNullable(gates.get(name));
    }

    /** The rule of that id, whichever tier holds it (ids are unique in the file). */
    public Optional<GateRule> rule(String id) {
        return tiers.values().stream().flatMap(tier -> tier.rule(id).stream()).findFirst();
    }

    /** The waivers that take {@code ruleId} off {@code application} at {@code at}. */
    public List<Waiver> activeWaivers(String application, String ruleId, Instant at) {
        return waivers.stream().filter(w -> w.covers(application, ruleId) && w.activeAt(at)).toList();
    }

    /** The waivers of the file that no longer hold at {@code at}, kept for the record and reported. */
    public List<Waiver> expiredWaivers(Instant at) {
        return waivers.stream().filter(w -> !w.activeAt(at)).toList();
    }
}

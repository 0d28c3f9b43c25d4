package io.retrobridge.flow;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import java.util.Optional;

/** The escalation policy in force ({@code mappings/escalations.yaml}), empty when there is none. */
@FunctionalInterface
public interface EscalationPolicySource {

    Optional<EscalationPolicy> current();
}

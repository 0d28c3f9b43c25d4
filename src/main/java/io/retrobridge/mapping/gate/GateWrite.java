package io.retrobridge.mapping.gate;

import java.util.Optional;

/**
 * Where the gate's answers are written for the people who approve changes: {@code write:} in {@code gates.yaml}.
 *
 * @param servicenow on the ServiceNow change request the answer concerns; null when answers are not written there
 */
public record GateWrite(ServiceNow servicenow) {

    /** What a file without {@code write:} says: answers stay with RetroBridge and the caller. */
    public static final GateWrite NONE = new GateWrite(null);

    public Optional<ServiceNow> toServiceNow() {
        return Optional.ofNullable(servicenow);
    }

    /**
     * @param workNote      a work note on the change each time its decision or blocking items change
     * @param decisionField a change column (e.g. {@code u_release_gate}) holding the latest decision, its time, reason
     *                      and status URL; null for none
     */
    public record ServiceNow(boolean workNote, String decisionField) {

        public ServiceNow {
            if (!workNote && (decisionField == null || decisionField.isBlank())) {
                throw new IllegalArgumentException("writing to ServiceNow needs a work note or a decision field");
            }
        }

        public Optional<String> field() {
            return Optional.ofNullable(decisionField).filter(name -> !name.isBlank());
        }
    }
}

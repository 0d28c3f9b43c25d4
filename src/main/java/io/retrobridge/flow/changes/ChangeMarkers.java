package io.retrobridge.flow.changes;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.CorrelationIds;

/**
 * The correlation marker a change's mirror issue carries as a label: derived from the change's sys_id with the
 * connector's correlation key, so every instance and every retry computes the same one and finds the issue instead
 * of creating a second. Prefixed apart from action items' markers, whose open writes the action-item sync settles.
 */
public final class ChangeMarkers {

    static final String PREFIX = "rb-chg-";

    private ChangeMarkers() {
    }

    public static String of(String changeSysId) {
        return PREFIX + CorrelationIds.forOrigin(new ExternalRef(ExternalSystem.SERVICENOW, changeSysId)).substring(3);
    }

    static boolean isMarker(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}

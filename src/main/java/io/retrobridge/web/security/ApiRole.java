package io.retrobridge.web.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API key may do. Each role includes every role below it: an admin may do what a pipeline key
 * may do, and a pipeline key may read like a viewer.
 */
public enum ApiRole {
    /** Everything, including {@code /api/admin/**} and every write. */
    ADMIN,
    /**
     * Posts deployment and pipeline events ({@code POST /api/events/deployments}, {@code /api/pipeline/**}), and
     * reads.
     */
    PIPELINE,
    /** Reads: GET under {@code /api/**} and {@code /actuator/prometheus}. */
    VIEWER;

    /** The name used in settings and answers, e.g. {@code admin}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security role name (without the {@code ROLE_} prefix). */
    String springRole() {
        return name();
    }

    /** True when a key holding this role may do what {@code required} allows. */
    public boolean includes(ApiRole required) {
        return ordinal() <= required.ordinal();
    }

    /** Every role that may do what this role allows, this one first: viewer -> viewer, pipeline, admin. */
    public List<ApiRole> rolesIncludingThis() {
        return Arrays.stream(values()).filter(role -> role.includes(this))
                .sorted((a, b) -> Integer.compare(b.ordinal(), a.ordinal())).toList();
    }

    /** Reads a role as written in settings, ignoring case and surrounding blanks. */
    public static Optional<ApiRole> fromSetting(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return Arrays.stream(values()).filter(role -> role.settingName().equalsIgnoreCase(wanted)).findFirst();
    }

    /** "admin, pipeline, viewer", for messages that list the choices. */
    public static String choices() {
        return Arrays.stream(values()).map(ApiRole::settingName).collect(Collectors.joining(", "));
    }
}

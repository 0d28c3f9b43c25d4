package io.retrobridge.sandbox.servicenow;

import io.retrobridge.sandbox.SandboxRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a caller asked for records to be shown: {@code sysparm_display_value}, {@code sysparm_fields}
 * and {@code sysparm_exclude_reference_link}.
 *
 * @param fields the requested fields in order, or null for every field of the table
 */
record RenderOptions(DisplayMode mode, List<String> fields, boolean excludeReferenceLink) {

    /** {@code sysparm_display_value}: raw values, display values, or both. */
    enum DisplayMode {
        FALSE, TRUE, ALL;

        /** Anything but {@code true} or {@code all} means raw values, the default. */
        static DisplayMode parse(String value) {
            return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> TRUE;
                case "all" -> ALL;
                default -> FALSE;
            };
        }
    }

    static RenderOptions from(SandboxRequest request) {
        String fields = request.queryParam("sysparm_fields", "");
        List<String> list = fields.isBlank() ? null
                : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        return new RenderOptions(DisplayMode.parse(request.queryParam("sysparm_display_value", "false")), list,
                Boolean.parseBoolean(request.queryParam("sysparm_exclude_reference_link", "false")));
    }
}

package io.retrobridge.sandbox.servicenow;

/**
 * ServiceNow's standard priority lookup: impact 1-3 and urgency 1-3 give priority 1 (Critical) to
 * 5 (Planning). High/High is 1, Low/Low is 5, and each step down on either axis lowers priority by one.
 */
final class PriorityMatrix {

    private PriorityMatrix() {
    }

    /** The priority code, or null when impact or urgency is outside 1-3 (the instance then leaves priority alone). */
    static String priority(String impact, String urgency) {
        int i = level(impact);
        int u = level(urgency);
        if (i == 0 || u == 0) {
            return null;
        }
        return String.valueOf(i + u - 1);
    }

    private static int level(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> 0;
        };
    }
}

package io.retrobridge.web.gates;

import io.retrobridge.mapping.gate.Gate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a caller asks about, checked: application and environment are required; every value is bounded to the
 * characters its kind uses, so nothing a caller makes up reaches the answer, the store or the log unchecked.
 *
 * @param version      null when not given; so are {@code commitSha} and {@code changeNumber}
 * @param changeNumber upper case
 */
record GateInputs(String application, String version, String environment, String commitSha, String changeNumber) {

    /** Gate names as gates.yaml allows them: lower-case words joined by hyphens. */
    private static final Pattern GATE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Application and environment as deployment events name them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,128}");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");
    /** A ServiceNow task number: a prefix of letters and digits after it, e.g. CHG0030001. */
    private static final Pattern CHANGE_NUMBER = Pattern.compile("[A-Za-z]{2,10}[0-9]{1,30}");

    /** Checks the raw values; null or blank means not given. */
    static GateInputs of(String application, String version, String environment, String commitSha,
            String changeNumber) {
        String app = required("application", application, NAME, "1 to 64 letters, digits, '.', '_' or '-', e.g. "
                + "payment-gateway");
        String env = required("environment", environment, NAME, "1 to 64 letters, digits, '.', '_' or '-', e.g. "
                + "production");
        String ver = optional("version", version, VERSION, "1 to 128 letters, digits, '.', '_', '+' or '-', e.g. "
                + "4.3.0");
        String sha = optional("commitSha", commitSha, SHA, "7 to 64 hexadecimal digits");
        String change = optional("changeNumber", changeNumber, CHANGE_NUMBER, "a change number like CHG0030001");
        return new GateInputs(app, ver, env, sha, change == null ? null : change.toUpperCase(Locale.ROOT));
    }

    /** An application name checked as a question's is. */
    static String application(String application) {
        return required("application", application, NAME, "1 to 64 letters, digits, '.', '_' or '-', e.g. "
                + "payment-gateway");
    }

    static String gate(String gate) {
        if (gate == null || gate.length() > 64 || !GATE.matcher(gate).matches()) {
            throw GateRequestException.badRequest("gate '" + shown(gate) + "' is not a gate name: use lower-case "
                    + "words joined by hyphens, up to 64 characters, as gates.yaml names them (e.g. prod).");
        }
        if (Gate.RESERVED_NAMES.contains(gate)) {
            throw GateRequestException.badRequest("'" + gate + "' cannot be a gate's name: /api/gates/" + gate
                    + "/ is where " + ("hooks".equals(gate) ? "the callers' hooks are" : "the gate's answers are read")
                    + "; name the gate otherwise in gates.yaml (e.g. prod).");
        }
        return gate;
    }

    private static String required(String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            throw GateRequestException.badRequest(field + " is missing: send it in the JSON body or as a query "
                    + "parameter (" + expected + ").");
        }
        return checked(field, value, pattern, expected);
    }

    private static String optional(String field, String value, Pattern pattern, String expected) {
        return value == null || value.isBlank() ? null : checked(field, value, pattern, expected);
    }

    private static String checked(String field, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw GateRequestException.badRequest(field + " '" + shown(value) + "' is not valid: send "
                    + expected + ".");
        }
        return value;
    }

    /** A value quoted back: cut, and with anything but plain printable characters replaced. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?").replace("'", "?");
    }
}

package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Takes the string out of a JSON value for the string-based formats. */
final class ExternalText {

    private ExternalText() {
    }

    static String asString(JsonNode external, String format) {
        if (external == null || external.isNull() || external.isMissingNode()) {
            return "";
        }
        if (external.isValueNode()) {
            return external.asText();
        }
        throw new IllegalArgumentException("The " + format + " text converter expects a JSON string, but got a JSON "
                + external.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + "; pass the field's string value (an ADF document needs the 'adf' converter)");
    }
}

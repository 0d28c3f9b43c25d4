package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Jira Cloud (REST v3) rich text: Atlassian Document Format. */
public final class AdfText implements TextConverter {

    @Override
    public String toCanonical(JsonNode external) {
        return CanonicalWriter.write(AdfReader.read(external));
    }

    @Override
    public JsonNode toExternal(String canonical) {
        return AdfWriter.write(CanonicalReader.read(canonical));
    }
}

package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real payloads from the shared reference folder (see its MANIFEST.md). */
final class Reference {

    static final ObjectMapper JSON = new ObjectMapper();

    private Reference() {
    }

    static Path dir() {
        return Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"));
    }

    static JsonNode read(String relative) {
        try {
            return JSON.readTree(dir().resolve(relative).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference file " + relative, e);
        }
    }

    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(dir().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list reference folder " + folder, e);
        }
    }

    /** Every ADF document ({"type":"doc"}) anywhere inside a payload. */
    static List<JsonNode> adfDocuments(JsonNode payload) {
        List<JsonNode> docs = new ArrayList<>();
        collect(payload, docs);
        return docs;
    }

    private static void collect(JsonNode node, List<JsonNode> docs) {
        if (node.isObject() && "doc".equals(node.path("type").asText())) {
            docs.add(node);
            return;
        }
        node.elements().forEachRemaining(child -> collect(child, docs));
    }
}

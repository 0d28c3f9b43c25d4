package io.retrobridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A shipped JSON Schema of a mapping file (editor help), as the schema tests of each file read it: the schema itself,
 * what it says of a YAML text, and the keys it leaves without a title or description.
 */
public final class MappingSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;

    private MappingSchema(String path) {
        this.path = path;
    }

    /** The schema at {@code path} below the shipped mappings folder, e.g. {@code schema/teams.schema.json}. */
    public static MappingSchema shipped(String path) {
        return new MappingSchema(path);
    }

    /** The first line a shipped file starts with so that editors find this schema. */
    public String editorHint() {
        return "# yaml-language-server: $schema=" + path;
    }

    public JsonNode json() {
        try {
            return JSON.readTree(Files.readString(MappingFiles.SHIPPED_DIR.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong in {@code yaml}, read as an editor's YAML 1.2 reader sees it (an instant stays text). */
    public Set<ValidationMessage> errors(String yaml) {
        JsonNode document = JSON.valueToTree(new Yaml(new TimestampsAsText()).load(yaml));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(json());
        return schema.validate(document);
    }

    /** The names of the object's own properties, in the schema's order. */
    public static List<String> keysOf(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * Every key of the schema without both a title and a description: top-level keys, those of each definition, and
     * those nested in objects and in the objects of a list.
     */
    public List<String> unexplainedKeys() {
        List<String> unexplained = new ArrayList<>();
        JsonNode schema = json();
        unexplained(schema.get("properties"), "", unexplained);
        if (schema.has("definitions")) {
            unexplained(schema.get("definitions"), "definitions.", unexplained);
        }
        return unexplained;
    }

    private static void unexplained(JsonNode properties, String path, List<String> unexplained) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            if (!value.has("title") || !value.has("description")) {
                unexplained.add(path + property.getKey());
            }
            if (value.has("properties")) {
                unexplained(value.get("properties"), path + property.getKey() + ".", unexplained);
            }
            JsonNode itemKeys = value.path("items").path("properties");
            if (!itemKeys.isMissingNode()) {
                unexplained(itemKeys, path + property.getKey() + "[].", unexplained);
            }
        }
    }

    private static final class TimestampsAsText extends SafeConstructor {
        TimestampsAsText() {
            super(new LoaderOptions());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}

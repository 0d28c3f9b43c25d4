package io.retrobridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.RetroBridgeApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the deployment examples under docker/ as plain data, and the settings the service declares. */
final class DeploymentFiles {

    static final Path DOCKER = Path.of("docker");

    /** What Compose's {@code !reset} tag stands for in an override file: the attribute is cleared. */
    enum Reset { CLEARED }

    private DeploymentFiles() {
    }

    /** One YAML document; Compose's {@code !reset} becomes {@link Reset#CLEARED}. */
    static Map<String, Object> yaml(Path file) {
        Object document = new Yaml(new ComposeTags()).load(read(file));
        return map(document);
    }

    /** Every document of a multi-document YAML file. */
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml(new ComposeTags()).loadAll(read(file)).forEach(document -> documents.add(map(document)));
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    /**
     * The environment variables a declared retrobridge.* setting is bound from (Spring's relaxed binding: upper case,
     * dots and dashes as underscores), e.g. RETROBRIDGE_CLUSTER_INSTANCE_ID; for list and map settings the prefix
     * their entries start with, ending in an underscore, e.g. RETROBRIDGE_SECURITY_API_KEYS_.
     */
    static Set<String> declaredEnvironmentNames() {
        JsonNode metadata;
        try {
            Path classes = Path.of(RetroBridgeApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            metadata = new ObjectMapper().readTree(classes.resolve("META-INF/spring-configuration-metadata.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new TreeSet<>();
        metadata.get("properties").forEach(property -> {
            String name = property.get("name").asText();
            if (name.startsWith("retrobridge.") && !property.has("deprecation")) {
                String environment = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                String type = property.path("type").asText();
                boolean collection = type.startsWith("java.util.List") || type.startsWith("java.util.Map")
                        || type.startsWith("java.util.Set");
                names.add(collection ? environment + "_" : environment);
            }
        });
        assertThat(names).contains("RETROBRIDGE_CLUSTER_MODE", "RETROBRIDGE_SECURITY_API_KEYS_");
        return names;
    }

    /** Whether a RETROBRIDGE_* variable sets a declared setting (or an entry of a declared list or map). */
    static boolean isDeclared(String variable, Set<String> declared) {
        return declared.contains(variable)
                || declared.stream().anyMatch(prefix -> prefix.endsWith("_") && variable.startsWith(prefix));
    }

    /** Compose's override tags, read as plain values. */
    private static final class ComposeTags extends SafeConstructor {

        ComposeTags() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return Reset.CLEARED;
                }
            });
        }
    }
}

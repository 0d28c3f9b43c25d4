package io.retrobridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Every retrobridge.* setting is declared once, in its settings class, and the metadata the build generates from
 * those classes is the list: each entry explains itself, and no application file or route reads a key outside it
 * (a typo there would be silently ignored, or a default kept somewhere the class does not know about).
 */
class SettingsMetadataTest {

    private static final String PREFIX = "retrobridge.";
    /** {@code {{retrobridge.sync.poll-interval:30s}}} in a route: the key, and the default it still repeats. */
    private static final Pattern ROUTE_PLACEHOLDER = Pattern.compile("\\{\\{\\??(retrobridge\\.[^}:]+)(?::([^}]*))?}}");
    /** {@code ${retrobridge.sandbox.jira-port}} in a settings file or in code. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(retrobridge\\.[^}:]+)");
    private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\"(retrobridge\\.[^\"]+)\"");

    private static Map<String, JsonNode> declared;
    private static JsonNode metadata;

    @BeforeAll
    static void readMetadata() throws IOException {
        metadata = new ObjectMapper().readTree(
                classesDir(RetroBridgeApplication.class).resolve("META-INF/spring-configuration-metadata.json").toFile());
        declared = new TreeMap<>();
        metadata.get("properties").forEach(property -> {
            String name = property.get("name").asText();
            if (name.startsWith(PREFIX)) {
                declared.put(name, property);
            }
        });
    }

    @Test
    void everySettingHasADescription() {
        List<String> undescribed = declared.entrySet().stream()
                .filter(entry -> entry.getValue().path("description").asText().isBlank())
                .map(Map.Entry::getKey).toList();

        assertThat(declared).containsKeys("retrobridge.sync.poll-interval", "retrobridge.jira.base-url");
        assertThat(undescribed).as("settings without a description (Javadoc @param of their record)").isEmpty();
    }

    @Test
    void descriptionsArePlainText() {
        List<String> withJavadocTags = declared.entrySet().stream()
                .filter(entry -> entry.getValue().path("description").asText().contains("{@"))
                .map(Map.Entry::getKey).toList();

        assertThat(withJavadocTags).as("descriptions an IDE would show with {@code ...} in them").isEmpty();
    }

    /**
     * Binding nothing and binding every listed default give the same settings: a default the class applies in code
     * (rather than where the build can read it) and a listed default that drifted from it both show here.
     */
    @Test
    void theListedDefaultsAreTheDefaultsInForce() throws ClassNotFoundException {
        Map<String, String> listedDefaults = new TreeMap<>();
        declared.forEach((name, property) -> {
            if (property.has("defaultValue")) {
                listedDefaults.put(name, property.get("defaultValue").asText());
            }
        });
        Binder nothingSet = new Binder(new MapConfigurationPropertySource());
        Binder defaultsSet = new Binder(new MapConfigurationPropertySource(listedDefaults));
        List<String> classes = new ArrayList<>();
        for (JsonNode group : metadataGroups()) {
            Class<?> type = Class.forName(group.get("type").asText());
            if (type.isAnnotationPresent(ConfigurationProperties.class)) {
                String prefix = group.get("name").asText();
                classes.add(type.getSimpleName());
                assertThat(defaultsSet.bindOrCreate(prefix, type)).as(prefix + ".* with its listed defaults")
                        .isEqualTo(nothingSet.bindOrCreate(prefix, type));
            }
        }
        assertThat(classes).contains("InboxProperties", "ResilienceProperties", "MappingSettings");
    }

    @Test
    void theApplicationFilesSetOnlyDeclaredSettings() throws IOException {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (Path file : applicationFiles()) {
            for (String key : settingKeys(file)) {
                if (!isDeclared(key)) {
                    unknown.put(key, file.getFileName().toString());
                }
            }
        }

        assertThat(unknown).as("keys no settings class declares (or only under an older name)").isEmpty();
    }

    @Test
    void everySettingTheRoutesReadIsDeclaredWithTheDefaultTheyRepeat() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        Map<String, String> withoutDefault = new TreeMap<>();
        Map<String, String> otherDefault = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                Matcher placeholder = ROUTE_PLACEHOLDER.matcher(Files.readString(route));
                while (placeholder.find()) {
                    String key = placeholder.group(1);
                    String where = route.getFileName().toString();
                    seen.add(key);
                    JsonNode property = declared.get(key);
                    if (property == null) {
                        unknown.put(key, where);
                    } else if (!property.has("defaultValue")) {
                        withoutDefault.put(key, where);
                    } else if (placeholder.group(2) != null
                            && !placeholder.group(2).equals(property.get("defaultValue").asText())) {
                        otherDefault.put(key, where + " says " + placeholder.group(2) + ", the class "
                                + property.get("defaultValue").asText());
                    }
                }
            }
        }

        assertThat(seen).contains("retrobridge.sync.poll-interval");
        assertThat(unknown).as("route settings no settings class declares").isEmpty();
        assertThat(withoutDefault).as("route settings whose class gives no default").isEmpty();
        assertThat(otherDefault).as("route defaults that differ from their class").isEmpty();
    }

    @Test
    void theCodeReadsOnlyDeclaredSettings() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (Pattern read : List.of(PLACEHOLDER, GET_PROPERTY)) {
                    Matcher key = read.matcher(code);
                    while (key.find()) {
                        if (!isDeclared(key.group(1))) {
                            unknown.put(key.group(1), source.getFileName().toString());
                        }
                    }
                }
            }
        }

        assertThat(unknown).as("settings read in code that no settings class declares").isEmpty();
    }

    private static List<JsonNode> metadataGroups() {
        List<JsonNode> groups = new ArrayList<>();
        metadata.get("groups").forEach(group -> {
            if (group.get("name").asText().startsWith(PREFIX)) {
                groups.add(group);
            }
        });
        return groups;
    }

    /** Declared, and not only as an older name; list and map settings count for their entries too. */
    private static boolean isDeclared(String key) {
        JsonNode exact = declared.get(key);
        if (exact != null) {
            return !exact.has("deprecation");
        }
        return declared.entrySet().stream().anyMatch(entry -> isCollection(entry.getValue())
                && (key.startsWith(entry.getKey() + "[") || key.startsWith(entry.getKey() + ".")));
    }

    private static boolean isCollection(JsonNode property) {
        String type = property.path("type").asText();
        return type.startsWith("java.util.List") || type.startsWith("java.util.Map") || type.startsWith("java.util.Set");
    }

    /** The retrobridge.* keys a settings file sets, and those its values refer to. */
    private static TreeSet<String> settingKeys(Path file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(file));
        Properties properties = yaml.getObject();
        TreeSet<String> keys = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.toString().startsWith(PREFIX)) {
                keys.add(key.toString());
            }
            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
            while (placeholder.find()) {
                keys.add(placeholder.group(1));
            }
        });
        return keys;
    }

    /** application*.yaml of the service and of the tests. */
    private static List<Path> applicationFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(classesDir(RetroBridgeApplication.class), classesDir(SettingsMetadataTest.class))) {
            try (Stream<Path> listed = Files.list(dir)) {
                listed.filter(path -> path.getFileName().toString().matches("application.*\\.ya?ml")).forEach(files::add);
            }
        }
        assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("application.yaml", "application-demo.yaml", "application-test.yaml");
        return files;
    }

    private static Path classesDir(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** retrobridge.mappings-dir, the folder's name before the mapping settings had their own prefix, still works. */
class OlderMappingsDirNameTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void theOlderNameSetsTheFolder() {
        set("arguments", Map.of("retrobridge.mappings-dir", "/srv/retrobridge/mappings"));

        assertThat(bound().dir()).isEqualTo(Path.of("/srv/retrobridge/mappings"));
    }

    @Test
    void theOlderNameCountsWhenItIsSetAfterStartUpPreparedTheSettings() {
        new OlderMappingsDirName().postProcessEnvironment(environment, null);
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("retrobridge.mappings-dir", "/late/mappings")));

        assertThat(bound().dir()).isEqualTo(Path.of("/late/mappings"));
    }

    @Test
    void theNewNameWinsOverTheOlderOneSetInAHigherPlace() {
        environment.getPropertySources().addFirst(new MapPropertySource("application.yaml",
                Map.of("retrobridge.mappings.dir", "/new")));
        set("arguments", Map.of("retrobridge.mappings-dir", "/old"));

        assertThat(bound().dir()).isEqualTo(Path.of("/new"));
    }

    @Test
    void withNeitherNameTheDefaultFolderIsUsed() {
        new OlderMappingsDirName().postProcessEnvironment(environment, null);

        assertThat(bound().dir().normalize()).isEqualTo(Path.of("mappings"));
    }

    private void set(String source, Map<String, Object> values) {
        environment.getPropertySources().addFirst(new MapPropertySource(source, values));
        new OlderMappingsDirName().postProcessEnvironment(environment, null);
    }

    private MappingSettings bound() {
        return Binder.get(environment).bindOrCreate(MappingSettings.PREFIX, MappingSettings.class);
    }
}

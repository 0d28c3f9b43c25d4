package io.retrobridge.mapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Keeps {@code retrobridge.mappings-dir}, the name the mapping folder had before the mapping settings got their own
 * prefix, working: {@code retrobridge.mappings.dir} falls back to it. The fallback is the last property source and
 * asks the environment on each read, so the older name counts wherever it is set (arguments, files, sources added
 * later), and the new name, where set, is found first and wins.
 */
public class OlderMappingsDirName implements EnvironmentPostProcessor {

    static final String OLDER_NAME = "retrobridge.mappings-dir";
    static final String NAME = MappingSettings.PREFIX + ".dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(Fallback.SOURCE_NAME)) {
            environment.getPropertySources().addLast(new Fallback(environment));
        }
    }

    /** Its source is not the environment itself: Boot would walk into a source that is one, and round in circles. */
    private static final class Fallback extends PropertySource<String> {

        static final String SOURCE_NAME = "olderMappingsDirName";

        private final Environment environment;

        Fallback(Environment environment) {
            super(SOURCE_NAME, OLDER_NAME);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return NAME.equals(name) ? environment.getProperty(OLDER_NAME) : null;
        }
    }
}

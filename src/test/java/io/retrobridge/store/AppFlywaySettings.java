package io.retrobridge.store;

import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The Flyway locations the application itself is configured with, so tests migrate exactly what it would. */
final class AppFlywaySettings {

    private AppFlywaySettings() {
    }

    static String[] locations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        String locations = properties == null ? null : properties.getProperty("spring.flyway.locations");
        return (locations == null ? "classpath:db/migration" : locations).split("\\s*,\\s*");
    }
}

package io.retrobridge.mapping;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the mapping files at start-up (invalid files stop the start with every problem listed) and keeps
 * them current afterwards through {@code mappingReloader}, which {@code routes/mappings-reload.yaml} polls.
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);

    @Bean
    MappingReloader mappingReloader(MappingSettings settings) {
        TextFormatConverters converters = TextFormatConverters.standard();
        try {
            MappingReloader reloader = MappingReloader.loadAtStartup(settings.dir(), new MappingLoader(converters),
                    Clock.systemUTC());
            LoadedMappings loaded = reloader.currentMappings().get();
            log.info("Mappings loaded from {}: {}", settings.dir(), loaded.summary());
            return reloader;
        } catch (MappingValidationException e) {
            throw new InvalidMappingsAtStartupException(settings.dir(), e);
        }
    }

    /** The one holder of the running mapping; every reader asks it per use, so reloads reach everyone. */
    @Bean
    CurrentMappings currentMappings(MappingReloader mappingReloader) {
        return mappingReloader.currentMappings();
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("mappings")
    MappingsHealthIndicator mappingsHealthIndicator(MappingReloader mappingReloader) {
        return new MappingsHealthIndicator(mappingReloader);
    }
}

package io.retrobridge.mapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the mapping files at start-up; invalid files stop the start with every problem listed. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);

    @Bean
    CurrentMappings currentMappings(MappingSettings settings) {
        TextFormatConverters converters = TextFormatConverters.standard();
        try {
            LoadedMappings loaded = new MappingLoader(converters).load(settings.mappingsDir());
            log.info("Mappings loaded from {}: {} file(s), {} classification rule(s)", settings.mappingsDir(),
                    loaded.files().size(), loaded.ruleCount());
            return new CurrentMappings(loaded);
        } catch (MappingValidationException e) {
            throw new IllegalStateException("The mapping files in " + settings.mappingsDir().toAbsolutePath()
                    + " were refused. Fix them (check with `java -jar retrobridge.jar validate-mappings "
                    + settings.mappingsDir() + "`) and start again.\n" + e.getMessage(), e);
        }
    }
}

package io.retrobridge.mapping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the mapping files are looked at for changes.
 *
 * @param reloadInterval time between two looks at the files in retrobridge.mappings-dir
 *                       (routes/mappings-reload.yaml)
 */
@ConfigurationProperties("retrobridge.mappings")
public record MappingsProperties(@DefaultValue("2s") Duration reloadInterval) {
}

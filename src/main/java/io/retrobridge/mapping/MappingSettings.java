package io.retrobridge.mapping;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the admin's mapping files live. */
@ConfigurationProperties("retrobridge")
public record MappingSettings(@DefaultValue("./mappings") Path mappingsDir) {
}

package io.retrobridge.transport;

import io.retrobridge.config.SettingsPlaceholders;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** A bare CamelContext running the real routes/outbound.yaml, as the application does. */
final class OutboundRoutesFixture {

    private OutboundRoutesFixture() {
    }

    static DefaultCamelContext startWithOutboundRoutes(Properties settings) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(settings);
        // The breaker settings the routes name, with the defaults of ResilienceProperties, as in the application.
        camel.getPropertiesComponent().addPropertiesSource(
                SettingsPlaceholders.of(Map.of("retrobridge.resilience", ResilienceProperties.defaults())));
        camel.getRegistry().bind("outboundBreakers", new OutboundBreakers(camel));
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:routes/outbound.yaml"));
        camel.start();
        return camel;
    }
}

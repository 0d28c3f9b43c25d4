package io.retrobridge.testsupport;

import io.retrobridge.transport.CamelHttpSender;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A bare started Camel context, and a {@link CamelHttpSender} on it, for each test; stopped after it.
 * Register it on an instance field with {@code @RegisterExtension}.
 */
public final class CamelHttpExtension implements BeforeEachCallback, AfterEachCallback {

    private DefaultCamelContext camel;
    private CamelHttpSender sender;

    @Override
    public void beforeEach(ExtensionContext context) {
        camel = new DefaultCamelContext();
        camel.start();
        sender = new CamelHttpSender(camel, camel.createProducerTemplate());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        camel.stop();
    }

    public DefaultCamelContext camel() {
        return camel;
    }

    public CamelHttpSender sender() {
        return sender;
    }
}

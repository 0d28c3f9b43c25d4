package io.retrobridge.sandbox;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which simulator port is taken and which setting moves it, instead of a bean-creation stack trace.
 * The usual cause is a demo still running in another terminal.
 */
public class SandboxPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<SandboxPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SandboxPortInUseException cause) {
        String property = "retrobridge.sandbox." + propertyStem(cause.sandbox()) + "-port";
        return new FailureAnalysis(cause.getMessage() + " (another RetroBridge demo may still be running).",
                "Stop the process that holds port " + cause.port() + ", or start the demo with another port: --"
                        + property + "=<free port> (environment: " + property.toUpperCase(Locale.ROOT)
                        .replace('.', '_').replace('-', '_') + ").",
                cause);
    }

    private static String propertyStem(String sandbox) {
        return sandbox.toLowerCase(Locale.ROOT).replace(" ", "");
    }
}

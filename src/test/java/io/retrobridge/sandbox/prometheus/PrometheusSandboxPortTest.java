package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.retrobridge.sandbox.SandboxPortInUseException;
import io.retrobridge.sandbox.SandboxPortInUseFailureAnalyzer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A taken port stops the simulator with the setting that moves it, as for the other simulators. */
class PrometheusSandboxPortTest {

    @Test
    void aTakenPortNamesThePrometheusPortSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            SandboxPortInUseException refused = catchThrowableOfType(SandboxPortInUseException.class,
                    () -> new PrometheusSandbox(taken.getLocalPort(), Clock.systemUTC()));

            String action = new SandboxPortInUseFailureAnalyzer().analyze(refused).getAction();
            assertThat(action).contains("--retrobridge.sandbox.prometheus-port=<free port>")
                    .contains("RETROBRIDGE_SANDBOX_PROMETHEUS_PORT");
        }
    }
}

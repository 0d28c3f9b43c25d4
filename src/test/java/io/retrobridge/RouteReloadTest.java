package io.retrobridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * With live reload on (as in the demo profile), an edited route file is put in force in the running service, and
 * the other files' routes keep running. Works on a copy of routes/, with application.yaml's reload settings.
 */
@SpringBootTest
@ActiveProfiles("test")
class RouteReloadTest {

    static final Path ROUTES = copyOfRoutes();

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void readRoutesFromTheCopy(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.yaml");
        registry.add("camel.main.routes-reload-directory", ROUTES::toString);
        registry.add("camel.main.routes-reload-enabled", () -> "true");
    }

    @AfterAll
    static void deleteCopy() throws IOException {
        FileSystemUtils.deleteRecursively(ROUTES);
    }

    @Test
    void anEditedRouteFileIsInForceWithoutARestartAndTheOtherRoutesKeepRunning() throws IOException {
        int routes = camel.getRoutes().size();
        Processor jiraBreaker = camel.getProcessor("jira-breaker");
        Path file = ROUTES.resolve("connection-watch.yaml");
        String edited = Files.readString(file)
                .replace("description: Re-checks", "description: (edited) Re-checks")
                .replace("period: \"{{retrobridge.connections.check-interval}}\"", "period: 45s");
        assertThat(edited).contains("(edited)", "period: 45s");

        Files.writeString(file, edited);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Route watch = camel.getRoute("connection-watch");
            return watch != null && watch.getDescription().startsWith("(edited)");
        });
        assertThat(((TimerEndpoint) camel.getRoute("connection-watch").getEndpoint()).getPeriod()).isEqualTo(45_000);
        assertThat(camel.getRouteController().getRouteStatus("connection-watch").isStarted()).isTrue();
        assertThat(camel.getRoutes()).hasSize(routes);
        assertThat(camel.getProcessor("jira-breaker")).as("the outbound routes were left alone").isSameAs(jiraBreaker);
        assertThat(camel.getRouteController().getRouteStatus("outbound-jira").isStarted()).isTrue();
    }

    private static Path copyOfRoutes() {
        try {
            Path copy = Files.createTempDirectory("retrobridge-routes");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path route : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(route, copy.resolve(route.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

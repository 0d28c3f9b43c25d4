package io.retrobridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    CamelContext camel;

    @Test
    void camelIsRunning() {
        assertThat(camel.getStatus().isStarted()).isTrue();
    }
}

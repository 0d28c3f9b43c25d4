package io.retrobridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RetroBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetroBridgeApplication.class, args);
    }
}

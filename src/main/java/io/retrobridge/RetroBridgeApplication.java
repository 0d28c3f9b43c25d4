package io.retrobridge;

import io.retrobridge.mapping.MappingValidationCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RetroBridgeApplication {

    public static void main(String[] args) {
        // Commands run before Spring starts: no web server, no database, an answer in a second.
        if (args.length > 0 && args[0].equals(MappingValidationCommand.NAME)) {
            int exitCode = new MappingValidationCommand(System.out, System.err)
                    .run(Arrays.copyOfRange(args, 1, args.length));
            System.exit(exitCode);
        }
        SpringApplication.run(RetroBridgeApplication.class, args);
    }
}

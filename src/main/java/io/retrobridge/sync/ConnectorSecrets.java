package io.retrobridge.sync;

import java.util.function.Supplier;

/** Secrets the connector makes for itself once and keeps, so they survive restarts and are shared by every instance. */
public interface ConnectorSecrets {

    /**
     * The secret stored under {@code name}; when there is none yet, {@code generate}'s value is stored and
     * answered. Concurrent first calls agree on one value.
     */
    String getOrCreate(String name, Supplier<String> generate);
}

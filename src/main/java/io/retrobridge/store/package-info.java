/**
 * JDBC implementations of the ports; Flyway migrations live in src/main/resources/db/migration.
 */
package io.retrobridge.store;

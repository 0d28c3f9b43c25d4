package io.retrobridge.cluster;

/** retrobridge.cluster.mode asks for an election, but the database is one only this instance can see. */
class SharedDatabaseRequiredException extends IllegalStateException {

    private final String database;

    SharedDatabaseRequiredException(String database) {
        super("retrobridge.cluster.mode=jdbc needs a shared PostgreSQL, but the database is " + database);
        this.database = database;
    }

    String database() {
        return database;
    }
}

package io.retrobridge.store;

class PostgresReleaseFailuresTest extends ReleaseFailuresContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

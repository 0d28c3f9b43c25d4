package io.retrobridge.store;

class PostgresBackfillRunsTest extends BackfillRunsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

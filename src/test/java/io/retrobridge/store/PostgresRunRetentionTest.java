package io.retrobridge.store;

class PostgresRunRetentionTest extends RunRetentionContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

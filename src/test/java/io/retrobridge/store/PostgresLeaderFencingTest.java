package io.retrobridge.store;

class PostgresLeaderFencingTest extends LeaderFencingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

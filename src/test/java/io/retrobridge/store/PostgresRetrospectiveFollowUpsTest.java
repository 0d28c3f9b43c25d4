package io.retrobridge.store;

class PostgresRetrospectiveFollowUpsTest extends RetrospectiveFollowUpsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

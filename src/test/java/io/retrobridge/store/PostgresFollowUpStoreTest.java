package io.retrobridge.store;

class PostgresFollowUpStoreTest extends FollowUpStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

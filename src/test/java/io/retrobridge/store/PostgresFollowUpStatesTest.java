package io.retrobridge.store;

class PostgresFollowUpStatesTest extends FollowUpStatesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

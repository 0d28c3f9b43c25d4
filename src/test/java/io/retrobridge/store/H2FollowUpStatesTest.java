package io.retrobridge.store;

class H2FollowUpStatesTest extends FollowUpStatesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

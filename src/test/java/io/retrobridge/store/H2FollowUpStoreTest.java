package io.retrobridge.store;

class H2FollowUpStoreTest extends FollowUpStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

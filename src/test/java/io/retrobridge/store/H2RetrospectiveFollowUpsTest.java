package io.retrobridge.store;

class H2RetrospectiveFollowUpsTest extends RetrospectiveFollowUpsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

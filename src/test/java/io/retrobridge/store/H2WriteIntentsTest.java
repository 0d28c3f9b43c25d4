package io.retrobridge.store;

class H2WriteIntentsTest extends WriteIntentsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

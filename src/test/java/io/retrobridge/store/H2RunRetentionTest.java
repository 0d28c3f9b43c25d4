package io.retrobridge.store;

class H2RunRetentionTest extends RunRetentionContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

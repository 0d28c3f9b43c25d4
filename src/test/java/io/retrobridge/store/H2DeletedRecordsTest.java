package io.retrobridge.store;

class H2DeletedRecordsTest extends DeletedRecordsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

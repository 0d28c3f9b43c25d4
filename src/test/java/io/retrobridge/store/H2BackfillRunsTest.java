package io.retrobridge.store;

class H2BackfillRunsTest extends BackfillRunsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

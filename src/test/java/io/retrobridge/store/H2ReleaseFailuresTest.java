package io.retrobridge.store;

class H2ReleaseFailuresTest extends ReleaseFailuresContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

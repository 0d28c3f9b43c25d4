package io.retrobridge.store;

class H2EventInboxTest extends EventInboxContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

package io.retrobridge.store;

class H2UnreadableLinksTest extends UnreadableLinksContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

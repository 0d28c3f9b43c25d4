package io.retrobridge.store;

class H2CommentLinkStoreTest extends CommentLinkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

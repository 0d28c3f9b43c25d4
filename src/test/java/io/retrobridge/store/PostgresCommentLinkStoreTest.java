package io.retrobridge.store;

class PostgresCommentLinkStoreTest extends CommentLinkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

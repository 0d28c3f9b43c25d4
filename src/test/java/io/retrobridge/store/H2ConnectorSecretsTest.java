package io.retrobridge.store;

class H2ConnectorSecretsTest extends ConnectorSecretsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

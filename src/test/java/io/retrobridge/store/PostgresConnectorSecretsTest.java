package io.retrobridge.store;

class PostgresConnectorSecretsTest extends ConnectorSecretsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

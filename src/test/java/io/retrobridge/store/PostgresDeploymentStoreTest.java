package io.retrobridge.store;

class PostgresDeploymentStoreTest extends DeploymentStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

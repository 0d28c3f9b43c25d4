package io.retrobridge.store;

class H2DeploymentStoreTest extends DeploymentStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}

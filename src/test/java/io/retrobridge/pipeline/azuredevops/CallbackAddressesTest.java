package io.retrobridge.pipeline.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.transport.ConnectionsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Only a check's PlanUrl on an allowed host, over https, without user info or query, is ever called back. */
class CallbackAddressesTest {

    private final CallbackAddresses defaults = addresses("dev.azure.com,*.visualstudio.com");

    @Test
    void azureDevOpsServicesAddressesAreAllowedByDefault() {
        assertThat(defaults.refusal("https://dev.azure.com/fabrikam/")).isEmpty();
        assertThat(defaults.refusal("https://DEV.AZURE.COM/fabrikam/")).isEmpty();
        assertThat(defaults.refusal("https://fabrikam.visualstudio.com/")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        assertThat(defaults.refusal("https://evil.example.com/fabrikam/")).hasValueSatisfying(why ->
                assertThat(why).contains("evil.example.com", "retrobridge.gate-hooks.azure-devops.allowed-hosts"));
        assertThat(defaults.refusal("https://dev.azure.com.evil.example/fabrikam/")).isPresent();
        assertThat(defaults.refusal("https://evildev.azure.com/fabrikam/")).isPresent();
        assertThat(defaults.refusal("https://visualstudio.com/")).as("*.x is not x itself").isPresent();
        assertThat(defaults.refusal("https://fabrikam.visualstudio.com.evil.example/")).isPresent();
        assertThat(defaults.refusal("http://dev.azure.com/fabrikam/")).hasValueSatisfying(why ->
                assertThat(why).contains("plain http"));
        assertThat(defaults.refusal("https://me:pw@dev.azure.com/fabrikam/")).isPresent();
        assertThat(defaults.refusal("https://dev.azure.com/fabrikam/?next=https://evil.example.com")).isPresent();
        assertThat(defaults.refusal("ftp://dev.azure.com/fabrikam/")).isPresent();
        assertThat(defaults.refusal("dev.azure.com/fabrikam/")).isPresent();
        assertThat(defaults.refusal("https://dev.azure.com/fab rikam/")).isPresent();
    }

    @Test
    void anAzureDevOpsServerIsAllowedOnceItsHostIsListed() {
        CallbackAddresses onPremises = addresses("dev.azure.com,tfs.example.com");

        assertThat(onPremises.refusal("https://tfs.example.com/tfs/DefaultCollection/")).isEmpty();
        assertThat(defaults.refusal("https://tfs.example.com/tfs/DefaultCollection/")).isPresent();
    }

    private static CallbackAddresses addresses(String hosts) {
        return new CallbackAddresses(new AzureDevOpsGateHookProperties("", hosts, null, null, null),
                new ConnectionsProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), false));
    }
}

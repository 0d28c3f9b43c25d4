package io.retrobridge.domain;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Systems are an open set known by name; the action-item pair says which side a change is written to. */
class ExternalSystemTest {

    @Test
    void aSystemIsKnownByItsStoredNameAndIsTheSameInstanceEachTime() {
        ExternalSystem acme = ExternalSystem.valueOf("ACME");

        assertThat(ExternalSystem.valueOf("JIRA")).isSameAs(JIRA);
        assertThat(ExternalSystem.valueOf("SERVICENOW")).isSameAs(SERVICENOW);
        assertThat(ExternalSystem.valueOf("ACME")).isSameAs(acme).isEqualTo(acme).hasSameHashCodeAs(acme);
        assertThat(acme.name()).isEqualTo("ACME");
        assertThat(acme).hasToString("ACME").isNotEqualTo(JIRA);
    }

    @Test
    void aNameThatCouldNotBeStoredIsRefused() {
        assertThatThrownBy(() -> ExternalSystem.valueOf("jira")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jira' is not a system name");
        assertThatThrownBy(() -> ExternalSystem.valueOf("A".repeat(31))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalSystem.valueOf("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalSystem.valueOf(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void valuesListTheActionItemSystemsJiraFirstAndSortedMapsKeepThatOrder() {
        assertThat(ExternalSystem.values()).containsExactly(JIRA, SERVICENOW);
        assertThat(new TreeMap<>(Map.of(SERVICENOW, 2, JIRA, 1)).keySet()).containsExactly(JIRA, SERVICENOW);
    }

    @Test
    void theCounterpartIsTheOtherSideOfThePair() {
        assertThat(SyncPair.ACTION_ITEMS.counterpart(JIRA)).isEqualTo(SERVICENOW);
        assertThat(SyncPair.ACTION_ITEMS.counterpart(SERVICENOW)).isEqualTo(JIRA);
        assertThat(SyncPair.ACTION_ITEMS.contains(ExternalSystem.valueOf("ACME"))).isFalse();
        assertThatThrownBy(() -> SyncPair.ACTION_ITEMS.counterpart(ExternalSystem.valueOf("ACME")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACME is not synced with JIRA");
        assertThatThrownBy(() -> new SyncPair(JIRA, JIRA)).isInstanceOf(IllegalArgumentException.class);
    }
}

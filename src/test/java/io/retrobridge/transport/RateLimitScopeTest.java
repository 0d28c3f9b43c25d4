package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.transport.ResilienceProperties.RateLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Whose rate limits the instances spend: a single instance paces itself, as it always has, unless told otherwise. */
class RateLimitScopeTest {

    static ResilienceProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("retrobridge.resilience", ResilienceProperties.class);
    }

    @Test
    void byDefaultASingleInstancePacesItselfAndAClusterShares() {
        ResilienceProperties defaults = bind(Map.of());

        assertThat(defaults.rateLimits()).isEqualTo(RateLimits.AUTO);
        assertThat(defaults.sharedBurst()).isEqualTo(1);
        assertThat(defaults.sharesRateLimits(null)).isFalse();
        assertThat(defaults.sharesRateLimits("none")).isFalse();
        assertThat(defaults.sharesRateLimits("NONE")).isFalse();
        assertThat(defaults.sharesRateLimits("jdbc")).isTrue();
        assertThat(defaults.sharesRateLimits("kubernetes")).isTrue();
        assertThat(ResilienceProperties.defaults()).isEqualTo(defaults);
    }

    @Test
    void anExplicitChoiceWinsOverTheClusterMode() {
        assertThat(bind(Map.of("retrobridge.resilience.rate-limits", "local")).sharesRateLimits("jdbc")).isFalse();
        assertThat(bind(Map.of("retrobridge.resilience.rate-limits", "shared")).sharesRateLimits("none")).isTrue();
        assertThat(bind(Map.of("retrobridge.resilience.rate-limits", "shared")).sharesRateLimits(null)).isTrue();
    }

    @Test
    void aBurstBelowOneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> bind(Map.of("retrobridge.resilience.shared-burst", "0")))
                .rootCause().hasMessageContaining("shared-burst must be at least 1");
    }
}

package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscalationMarkersTest {

    @Test
    void ticketMarkerIsTheFirst24HexCharsOfTheSha256OfItemLadderAndStep() {
        // Known answer computed outside Java: sha256("rb-1|production-fixes|cab")
        assertThat(EscalationMarkers.ticketMarker("rb-1", "production-fixes", "cab"))
                .isEqualTo("rb-esc-19e6f39e6f2eb1ac94c57c50");
    }

    @Test
    void groupMarkerHashesTheGroupKey() {
        // Known answer computed outside Java: sha256("cab/2026-W48")
        assertThat(EscalationMarkers.groupMarker("cab/2026-W48")).isEqualTo("rb-esc-b9fe2040cd3ff5e8cef63751");
    }

    @Test
    void differentStepsGetDifferentMarkers() {
        assertThat(EscalationMarkers.ticketMarker("rb-1", "production-fixes", "cab"))
                .isNotEqualTo(EscalationMarkers.ticketMarker("rb-1", "production-fixes", "remind"))
                .isNotEqualTo(EscalationMarkers.ticketMarker("rb-2", "production-fixes", "cab"))
                .matches("rb-esc-[0-9a-f]{24}");
    }

    @Test
    void missingPartsAreRefusedByName() {
        assertThatThrownBy(() -> EscalationMarkers.ticketMarker("rb-1", null, "cab")).hasMessageContaining("ladderId");
        assertThatThrownBy(() -> EscalationMarkers.groupMarker(" ")).hasMessageContaining("groupKey");
    }
}

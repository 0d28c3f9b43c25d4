package io.retrobridge.web.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.retrobridge.insight.effectiveness.EffectivenessItems;
import io.retrobridge.insight.effectiveness.EffectivenessReport;

/**
 * The effectiveness report as JSON: the report's own fields, and with {@code items=true} the action items behind its
 * figures in {@code items} (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EffectivenessWithItems(@JsonUnwrapped EffectivenessReport report, EffectivenessItems items) {
}

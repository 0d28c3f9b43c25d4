package io.retrobridge.insight.pir;

import io.retrobridge.domain.MetricSeries;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A metric's before and after figures from one range query over both windows, split at the deployment moment: a
 * sample at or before the moment counts before (a rate there measures the minutes up to it), a later one after. Each
 * figure is the mean of the window's finite samples across all series, every sample weighing the same: each series'
 * mean weighted by its number of finite samples. NaN and infinite samples are left out; a window without any finite
 * sample has no figure.
 *
 * @param before null when the before window has no finite sample
 * @param after  null when the after window has no finite sample
 */
record WindowMeans(Double before, Double after) {

    static WindowMeans of(List<MetricSeries> answer, Instant moment) {
        return new WindowMeans(mean(answer, moment, true), mean(answer, moment, false));
    }

    private static Double mean(List<MetricSeries> answer, Instant moment, boolean before) {
        double weighted = 0.0;
        long samples = 0;
        for (MetricSeries series : answer) {
            MetricSeries window = new MetricSeries(series.labels(), series.samples().stream()
                    .filter(sample -> before != sample.at().isAfter(moment)).toList());
            long finite = window.samples().stream().filter(sample -> Double.isFinite(sample.value())).count();
            OptionalDouble mean = window.mean();
            if (mean.isPresent()) {
                weighted += mean.getAsDouble() * finite;
                samples += finite;
            }
        }
        return samples == 0 ? null : weighted / samples;
    }
}

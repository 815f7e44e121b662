package io.arcnode.gateway.aggregator.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the aggregator computes, immutable: the pipelines (most specific match wins: exact asset and parameter,
 * then {@code *}/parameter, then asset/{@code *}, then {@code *}/{@code *}; no match: not aggregated), the allowed
 * lateness, the bound of open windows and how often the stage commits.
 *
 * @param pipelines       the pipelines; order decides only between equally specific duplicates (the first wins)
 * @param allowedLateness how far (event time) behind its partition's newest reading a reading may be and still
 *                        count in its window
 * @param maxOpenWindows  open windows held at most; beyond it the oldest is closed early
 * @param commitInterval  how long one transaction collects polls before it commits
 */
public record AggregatorSettings(List<Pipeline> pipelines, Duration allowedLateness, int maxOpenWindows,
        Duration commitInterval) {

    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_OPEN_WINDOWS = 100_000;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);

    /** Without a file: every reading in every resolution, lateness 5 s. */
    public static final AggregatorSettings DEFAULTS = new AggregatorSettings(List.of(Pipeline.DEFAULT),
            DEFAULT_LATENESS, DEFAULT_MAX_OPEN_WINDOWS, DEFAULT_COMMIT_INTERVAL);

    public AggregatorSettings {
        pipelines = List.copyOf(pipelines);
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be >= 0 (got " + allowedLateness + ")");
        }
        if (maxOpenWindows < 1) {
            throw new IllegalArgumentException("max open windows must be >= 1 (got " + maxOpenWindows + ")");
        }
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("commit interval must be >= 0 (got " + commitInterval + ")");
        }
    }

    /** @return the resolutions computed for this asset and parameter (empty: none) */
    public Set<Resolution> resolutions(String asset, String parameter) {
        return pipelines.stream().filter(p -> p.match(asset, parameter) >= 0)
                .max(Comparator.comparingInt((Pipeline p) -> p.match(asset, parameter))
                        .thenComparing(Comparator.comparingInt(pipelines::indexOf).reversed()))
                .map(Pipeline::resolutions).orElse(Set.of());
    }
}

package io.arcnode.gateway.aggregator.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One pipeline of the aggregation file: the readings of an asset and parameter ({@code *} matches any) and the
 * resolutions computed for them (empty: not aggregated).
 *
 * @param asset       the asset, or {@code *}
 * @param parameter   the parameter, or {@code *}
 * @param resolutions the windows computed
 */
public record Pipeline(String asset, String parameter, Set<Resolution> resolutions) {

    /** The pipeline without a file: every reading, every resolution. */
    public static final Pipeline DEFAULT = new Pipeline("*", "*", EnumSet.allOf(Resolution.class));

    public Pipeline {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(parameter, "parameter");
        // an EnumSet: iteration in resolution order, so the output order is deterministic
        resolutions = Collections.unmodifiableSet(resolutions.isEmpty() ? EnumSet.noneOf(Resolution.class)
                : EnumSet.copyOf(resolutions));
    }

    /** @return how specifically this pipeline matches (-1: not at all; 3: exact asset and parameter) */
    int match(String assetId, String param) {
        boolean a = asset.equals(assetId);
        boolean p = parameter.equals(param);
        if ((!a && !"*".equals(asset)) || (!p && !"*".equals(parameter))) {
            return -1;
        }
        return (a ? 1 : 0) + (p ? 2 : 0);
    }
}

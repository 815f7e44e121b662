package io.arcnode.gateway.validator.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The validation rule of the measurements it selects (spec 004 "Validation Rules (Configurable)"). Every limit is
 * optional ({@code null}: not checked).
 *
 * @param asset            the asset it applies to, or {@code *} for every asset
 * @param parameter        the parameter it applies to, or {@code *} for every parameter
 * @param min              lowest valid value (range check; below it the reading is BAD)
 * @param max              highest valid value (range check; above it the reading is BAD)
 * @param maxRatePerSecond largest plausible change per second of device time (rate of change; a spike is SUSPECT)
 * @param expectedInterval the interval readings are expected at (gap detection: a longer silence is a gap finding)
 * @param maxClockSkew     largest tolerated |device_time - gateway_time| (beyond it the reading is SUSPECT)
 */
public record Rule(String asset, String parameter, Double min, Double max, Double maxRatePerSecond,
        Duration expectedInterval, Duration maxClockSkew) {

    /** The clock-skew limit of spec 004 when a rule sets none: 10 s. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(10);

    /** Requires the selectors; a missing skew limit becomes {@link #DEFAULT_CLOCK_SKEW}. */
    public Rule {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(parameter, "parameter");
        maxClockSkew = maxClockSkew == null ? DEFAULT_CLOCK_SKEW : maxClockSkew;
    }

    /** @return the rule of every measurement without a rule of its own: clock skew only */
    public static Rule defaults() {
        return new Rule("*", "*", null, null, null, null, null);
    }

    /** @return whether this rule selects {@code asset}/{@code parameter} */
    boolean selects(String asset, String parameter) {
        return (this.asset.equals("*") || this.asset.equals(asset))
                && (this.parameter.equals("*") || this.parameter.equals(parameter));
    }

    /** @return how specific the selection is: exact asset and parameter 3, parameter 2, asset 1, neither 0 */
    int specificity() {
        return (asset.equals("*") ? 0 : 1) + (parameter.equals("*") ? 0 : 2);
    }
}

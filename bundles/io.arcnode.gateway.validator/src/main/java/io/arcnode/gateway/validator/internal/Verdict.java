package io.arcnode.gateway.validator.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.util.List;

/**
 * What the validator decided about one measurement.
 *
 * @param measurement the measurement with its quality set to {@link #quality}
 * @param quality     GOOD, SUSPECT or UNCERTAIN go to {@code .clean}; BAD goes to the DLQ
 * @param findings    every rule that fired, in check order (also the ones that only lowered GOOD to SUSPECT)
 */
public record Verdict(Measurement measurement, Quality quality, List<Finding> findings) {

    /**
     * One rule that fired.
     *
     * @param rule   {@code finite}, {@code range}, {@code duplicate}, {@code rate_of_change}, {@code clock_skew},
     *               {@code gap} or {@code no_device_time}
     * @param reason a sentence a person can act on, with the values
     */
    public record Finding(String rule, String reason) {
    }

    /** Copies the list. */
    public Verdict {
        findings = List.copyOf(findings);
    }

    /** @return whether the measurement goes to the DLQ */
    public boolean bad() {
        return quality == Quality.BAD;
    }
}

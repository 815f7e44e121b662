package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The totals of a cable and hose schedule.
 *
 * @param entries      connections
 * @param quantity     cables and hoses laid, summed
 * @param totalLengthM metres of cable and hose, summed
 */
@JsonPropertyOrder({"entries", "quantity", "total_length_m"})
public record ScheduleTotals(
        @JsonProperty("entries") int entries,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("total_length_m") long totalLengthM) {
}

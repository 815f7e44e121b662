package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Sizing parameters of a DTM; JSON names keep the spec's mixed case exactly: {@code P_compute_total_kW}, {@code E_BESS_total_kWh}, {@code T_coolant_setpoint_C}. */
@JsonPropertyOrder({"P_compute_total_kW", "E_BESS_total_kWh", "T_coolant_setpoint_C"})
public record SizingParams(
        @JsonProperty("P_compute_total_kW") double pComputeTotalKw,
        @JsonProperty("E_BESS_total_kWh") double eBessTotalKwh,
        @JsonProperty("T_coolant_setpoint_C") double tCoolantSetpointC) {
}

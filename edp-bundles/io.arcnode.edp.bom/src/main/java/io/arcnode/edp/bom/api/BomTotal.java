package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The sum of the BOM's quantities in one unit (each, metres): quantities of different units are not added.
 *
 * @param unit     {@code ea} or {@code m}
 * @param lines    lines in this unit
 * @param quantity their quantities summed
 */
@JsonPropertyOrder({"unit", "lines", "quantity"})
public record BomTotal(
        @JsonProperty("unit") String unit,
        @JsonProperty("lines") int lines,
        @JsonProperty("quantity") long quantity) {
}

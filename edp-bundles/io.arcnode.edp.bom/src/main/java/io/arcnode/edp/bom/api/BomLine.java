package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.arcnode.api.edp.SourcingTier;
import java.util.List;
import java.util.Objects;

/**
 * One line of the bill of materials.
 *
 * @param line          1-based line number
 * @param item          stable snake_case key of what the line is ({@code compute_container}, {@code bess_rack},
 *                      {@code cable}); the same item keeps its key across profiles while the part number changes
 * @param partNumber    ArcNode part number
 * @param description   what is ordered
 * @param quantity      how many, in {@code unit}
 * @param unit          {@code ea} (each) or {@code m} (metres)
 * @param category      the group of the line
 * @param sourcingTiers the sourcing tiers this part may be bought for; the deployment's tier is always among them
 *                      (the generator refuses otherwise)
 * @param notes         how the quantity was derived and procurement flags (CATL), {@code ""} when none
 */
@JsonPropertyOrder({"line", "item", "part_number", "description", "quantity", "unit", "category", "sourcing_tiers",
        "notes"})
public record BomLine(
        @JsonProperty("line") int line,
        @JsonProperty("item") String item,
        @JsonProperty("part_number") String partNumber,
        @JsonProperty("description") String description,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("unit") String unit,
        @JsonProperty("category") BomCategory category,
        @JsonProperty("sourcing_tiers") List<SourcingTier> sourcingTiers,
        @JsonProperty("notes") String notes) {

    /** Unit of counted items. */
    public static final String EACH = "ea";
    /** Unit of cables and hoses. */
    public static final String METRES = "m";

    /** Rejects nulls and copies the tier list. */
    public BomLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(partNumber, "partNumber");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(category, "category");
        sourcingTiers = List.copyOf(sourcingTiers);
        Objects.requireNonNull(notes, "notes");
    }
}

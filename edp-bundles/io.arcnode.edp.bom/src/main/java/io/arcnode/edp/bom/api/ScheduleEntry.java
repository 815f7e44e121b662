package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.arcnode.edp.assemblies.api.PortKind;
import java.util.Objects;

/**
 * One connection of the cable and hose schedule: one physical run between a port of a module's interface plate and
 * its peer.
 *
 * @param id           unique tag, {@code <module_id>.<port_id>} and, where a port has several connections,
 *                     {@code .<n>}: {@code compute-07.CG-A}, {@code grid-01.BT-RACK.017}
 * @param from         the module end: {@code <module_id> <port_id>}
 * @param to           the peer end, e.g. {@code grid-01 CG-LV feeder F013}, {@code agg-sw-01 ports 03-04}
 * @param kind         what the run carries
 * @param partNumber   the cable or hose part (the BOM's cabling and hose lines sum these)
 * @param type         the cable or hose as specified in the port's {@code spec.yaml}
 * @param size         cross-section, DN or fibre count as engineers write it: {@code 95 mm²}, {@code DN80}
 * @param lengthM      planning length of the run in metres
 * @param quantity     cables or hoses laid in the run (e.g. 5 single cores L1 L2 L3 N PE)
 * @param totalLengthM {@code lengthM x quantity}
 */
@JsonPropertyOrder({"id", "from", "to", "kind", "part_number", "type", "size", "length_m", "quantity",
        "total_length_m"})
public record ScheduleEntry(
        @JsonProperty("id") String id,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("kind") PortKind kind,
        @JsonProperty("part_number") String partNumber,
        @JsonProperty("type") String type,
        @JsonProperty("size") String size,
        @JsonProperty("length_m") int lengthM,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("total_length_m") long totalLengthM) {

    /** Rejects nulls. */
    public ScheduleEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partNumber, "partNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
    }
}

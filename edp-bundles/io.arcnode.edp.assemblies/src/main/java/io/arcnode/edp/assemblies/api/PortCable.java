package io.arcnode.edp.assemblies.api;

import java.util.Objects;

/**
 * The cable or hose that connects a port ({@code cable} in {@code spec.yaml}).
 *
 * @param partNumber ArcNode part number the BOM orders it by
 * @param type       the cable or hose as written in the schedule, e.g. {@code 1C 95 mm² Cu H07RN-F 0.6/1 kV}
 * @param size       cross-section (mm²), DN or fibre count, from the series of {@code unit}
 * @param unit       the unit of {@code size}; fixed by the port kind
 * @param conductors cables (or hoses) laid per connection, e.g. 5 single cores L1 L2 L3 N PE
 * @param lengthM    planning length of one connection in metres (see the README: the payload has no site layout)
 */
public record PortCable(String partNumber, String type, double size, SizeUnit unit, int conductors, int lengthM) {

    /** Rejects nulls. */
    public PortCable {
        Objects.requireNonNull(partNumber, "partNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
    }

    /** @return {@link SizeUnit#label(double)} of the size */
    public String sizeLabel() {
        return unit.label(size);
    }
}

package io.arcnode.workbench.orders.api;

import io.arcnode.api.JsonEnum;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.PrimaryWorkload;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a {@code ConfiguratorPayload} as a form shows them, in the payload's JSON order: the JSON name, a
 * label, the kind of input, the unit and, for enums, the allowed JSON values (the {@code io.arcnode.api.edp} enums
 * themselves, so the combo offers exactly what the platform accepts).
 *
 * @param name    the JSON field name
 * @param label   what the form shows
 * @param kind    the input
 * @param unit    shown beside numbers; empty otherwise
 * @param choices the allowed values of an enum; empty otherwise
 */
public record OrderField(String name, String label, Kind kind, String unit, List<String> choices) {

    /** How a field is entered. */
    public enum Kind {
        /** Free text, at least one non-blank character. */
        TEXT,
        /** An e-mail address. */
        EMAIL,
        /** A canonical UUID, with a "generate" button. */
        UUID,
        /** One of {@link OrderField#choices()}. */
        ENUM,
        /** A decimal number. */
        NUMBER,
        /** A whole number. */
        INTEGER
    }

    /** Every field of the payload, in its JSON order. */
    public static final List<OrderField> ALL = List.of(
            plain("deployment_id", "Deployment ID", Kind.UUID),
            plain("operator_org", "Operator organisation", Kind.TEXT),
            plain("deployment_site_name", "Site name", Kind.TEXT),
            plain("contact_email", "Contact e-mail", Kind.EMAIL),
            choice("energy_source", "Energy source", EnergySource.class),
            number("source_capacity_mw", "Source capacity", Kind.NUMBER, "MW"),
            choice("primary_workload", "Primary workload", PrimaryWorkload.class),
            choice("gpu_variant", "GPU variant", GpuVariant.class),
            number("target_gpu_count", "Target GPU count", Kind.INTEGER, "GPUs"),
            choice("bess_coupling", "BESS coupling", BessCoupling.class),
            number("bess_capacity_mwh", "BESS capacity", Kind.NUMBER, "MWh"),
            choice("grid_connection", "Grid connection", GridConnection.class),
            choice("climate_zone", "Climate zone", ClimateZone.class),
            choice("deployment_context", "Deployment context", DeploymentContext.class),
            choice("aws_partition", "AWS partition", AwsPartition.class));

    /** @return the field named {@code name} */
    public static OrderField named(String name) {
        return ALL.stream().filter(f -> f.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no payload field " + name));
    }

    private static OrderField plain(String name, String label, Kind kind) {
        return new OrderField(name, label, kind, "", List.of());
    }

    private static OrderField number(String name, String label, Kind kind, String unit) {
        return new OrderField(name, label, kind, unit, List.of());
    }

    private static <E extends Enum<E> & JsonEnum> OrderField choice(String name, String label, Class<E> type) {
        return new OrderField(name, label, Kind.ENUM, "",
                Arrays.stream(type.getEnumConstants()).map(JsonEnum::json).toList());
    }
}

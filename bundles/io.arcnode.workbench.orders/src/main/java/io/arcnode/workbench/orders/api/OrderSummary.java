package io.arcnode.workbench.orders.api;

import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.resolver.api.ModuleResolver;
import java.util.List;

/**
 * The live summary beside the order form: what the EDP generator's module resolver (the same code the platform
 * runs) makes of the payload.
 *
 * @param rows label and value, in display order: profile, compute containers, GPUs, sourcing tier, EMS target, grid
 *             container
 */
public record OrderSummary(List<Row> rows) {

    /** One line of the summary. */
    public record Row(String label, String value) {
    }

    /** The summary of a form that is not a valid payload: every value "-". */
    public static final OrderSummary NONE = new OrderSummary(List.of(new Row("Profile", "-"),
            new Row("Compute containers", "-"), new Row("GPUs", "-"), new Row("Sourcing tier", "-"),
            new Row("EMS target", "-"), new Row("Grid container", "-")));

    /** @return the summary of the checked form, {@link #NONE} when it is not valid */
    public static OrderSummary of(OrderForm.Check check) {
        if (!check.valid()) {
            return NONE;
        }
        ModuleResolution r;
        try {
            r = ModuleResolver.resolve(check.payload());
        } catch (ValidationException e) { // a model rule the check already reported
            return NONE;
        }
        return new OrderSummary(List.of(new Row("Profile", r.deploymentProfile().json()),
                new Row("Compute containers", String.valueOf(r.computeContainerCount())),
                new Row("GPUs", String.valueOf(r.gpuCount())),
                new Row("Sourcing tier", r.sourcingTier().json()),
                new Row("EMS target", r.emsTarget().json()),
                new Row("Grid container", r.gridContainerPresent() ? "yes" : "no")));
    }

    /** @return the value of the row labelled {@code label} */
    public String value(String label) {
        return rows.stream().filter(r -> r.label.equals(label)).map(Row::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no summary row " + label));
    }
}

package io.arcnode.workbench.internal.orders;

/** The event broker topics the order parts talk through. */
public final class OrderEvents {

    /** Data: the {@link java.nio.file.Path} of an order file to show in the order editor. */
    public static final String OPEN = "arcnode/orders/open";
    /** Data: the workspace folder whose order list changed (a file was created or saved). */
    public static final String CHANGED = "arcnode/orders/changed";
    /** Data: the editor's {@link io.arcnode.workbench.orders.api.OrderForm.Check} after each change. */
    public static final String CHECKED = "arcnode/orders/checked";

    private OrderEvents() {
    }
}

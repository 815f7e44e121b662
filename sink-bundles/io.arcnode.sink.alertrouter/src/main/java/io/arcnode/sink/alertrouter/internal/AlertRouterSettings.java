package io.arcnode.sink.alertrouter.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The validated settings of section {@code sink_alertrouter} (PID {@code io.arcnode.sink_alertrouter}) and of the
 * {@code email} section it sends with.
 *
 * @param enabled   whether the router runs
 * @param table     the routing table (null when disabled)
 * @param batchSize records per poll
 * @param spoolDir  {@code <gateway.data_dir>/sink/alertrouter}
 */
record AlertRouterSettings(boolean enabled, RoutingTable table, int batchSize, Path spoolDir) {

    static final String SECTION = "sink_alertrouter";

    /** A setting breaks a rule; the message names the key (and the file) and the rule. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * @param props   the section's values
     * @param dataDir {@code gateway.data_dir}
     * @param resolve product-root resolution of a configured file name
     */
    static AlertRouterSettings from(Map<String, ?> props, String dataDir, Function<String, Path> resolve)
            throws Invalid {
        boolean enabled = Boolean.TRUE.equals(props.get("enabled"));
        Object batch = props.get("batch_size");
        if (!(batch instanceof Number n) || n.intValue() < 1 || n.intValue() > 10_000) {
            throw new Invalid("configuration key " + SECTION + ".batch_size: must be an integer between 1 and 10000");
        }
        Path spool = Path.of(dataDir).toAbsolutePath().normalize().resolve("sink").resolve("alertrouter");
        if (!enabled) {
            return new AlertRouterSettings(false, null, n.intValue(), spool);
        }
        Object file = props.get("routes_file");
        if (file == null || file.toString().isBlank()) {
            throw new Invalid("configuration key " + SECTION + ".routes_file: required when " + SECTION
                    + ".enabled is true (the YAML routing table)");
        }
        try {
            return new AlertRouterSettings(true, RoutingTable.read(resolve.apply(file.toString())), n.intValue(),
                    spool);
        } catch (RoutingTable.Invalid e) {
            throw new Invalid("configuration key " + SECTION + ".routes_file: " + e.getMessage());
        }
    }
}

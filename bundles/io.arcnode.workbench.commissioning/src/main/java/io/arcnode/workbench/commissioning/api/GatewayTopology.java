package io.arcnode.workbench.commissioning.api;

import io.arcnode.api.dtm.Dtm;
import java.util.List;
import java.util.Map;

/**
 * The gateway's applied topology ({@code GET /topology}, or the answer of {@code POST /topology}).
 *
 * @param version        {@code dtm_version}: 1 for the first apply, + 1 per apply
 * @param appliedAt      the gateway time of the apply (ISO-8601 UTC)
 * @param dtm            the applied DTM, with the {@code ems_mode} the gateway decided
 * @param reconciliation only for an apply: device UUIDs per outcome ({@code started}, {@code restarted},
 *                       {@code stopped}, {@code unchanged}, {@code not_connected}); empty for a {@code GET}
 */
public record GatewayTopology(int version, String appliedAt, Dtm dtm, Map<String, List<String>> reconciliation) {

    /** Copies the map. */
    public GatewayTopology {
        reconciliation = reconciliation == null ? Map.of() : Map.copyOf(reconciliation);
    }

    /** @return "dtm_version 3 (applied 2026-...), started 1, restarted 2, ..." for people */
    public String describe() {
        StringBuilder b = new StringBuilder("dtm_version " + version + " (applied " + appliedAt + ")");
        for (String key : List.of("started", "restarted", "stopped", "unchanged", "not_connected")) {
            List<String> ids = reconciliation.get(key);
            if (ids != null) {
                b.append(", ").append(key.replace('_', ' ')).append(' ').append(ids.size());
            }
        }
        return b.toString();
    }
}

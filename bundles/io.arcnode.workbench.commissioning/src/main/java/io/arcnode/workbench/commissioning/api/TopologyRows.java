package io.arcnode.workbench.commissioning.api;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The topology table: the devices of a DTM, joined with what the gateway says about their adapters. */
public final class TopologyRows {

    /** Status of a device with a blank host: the gateway opens no connection for it. */
    public static final String NOT_CONNECTED = "NOT CONNECTED";

    private TopologyRows() {
    }

    /**
     * @param dtm  the topology shown (the gateway's, with the engineer's edits)
     * @param live what the gateway's adapters say; {@code null} when not known (offline)
     * @return one row per device, in the DTM's order
     */
    public static List<TopologyRow> rows(Dtm dtm, LiveSnapshot live) {
        List<TopologyRow> rows = new ArrayList<>();
        if (dtm == null || dtm.devices() == null) {
            return List.of();
        }
        for (Device d : dtm.devices()) {
            String uuid = d.deviceUuid().toString();
            String host = d.host() == null ? "" : d.host();
            String status = host.isBlank() ? NOT_CONNECTED : "-";
            String last = "";
            if (live != null) {
                for (LiveSnapshot.Adapter a : live.adapters()) {
                    if (uuid.equals(a.deviceUuid())) {
                        status = a.status();
                    }
                }
                last = lastReading(uuid, live);
            }
            rows.add(new TopologyRow(d.deviceUuid(), d.description(), d.deviceType(), d.moduleId(),
                    d.protocolConfig() == null ? "" : d.protocolConfig().protocol().json(), host, d.port(), status,
                    last));
        }
        return List.copyOf(rows);
    }

    /** @return the newest last value of asset {@code assetId} as text, "" when it has none */
    static String lastReading(String assetId, LiveSnapshot live) {
        LiveSnapshot.LastValue newest = null;
        for (LiveSnapshot.LastValue v : live.lastValues().values()) {
            if (assetId.equals(v.assetId()) && (newest == null || after(v.gatewayTime(), newest.gatewayTime()))) {
                newest = v;
            }
        }
        return newest == null ? "" : describe(newest);
    }

    /** @return {@code parameter = value unit QUALITY at time} */
    public static String describe(LiveSnapshot.LastValue v) {
        String value = Double.isNaN(v.value()) ? "NaN" : String.format(Locale.ROOT, "%.4g", v.value());
        return v.parameter() + " = " + value + (v.unit().isEmpty() ? "" : " " + v.unit()) + " " + v.quality()
                + (v.gatewayTime() == null ? "" : " at " + v.gatewayTime().truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean after(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }
}

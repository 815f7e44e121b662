package io.arcnode.workbench.commissioning.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway's adapters handed over ({@code GET /measurements}) at one moment.
 *
 * @param received   measurements received by all adapters
 * @param published  of those, acknowledged by the local stream
 * @param gaps       of those, lost as stream gaps
 * @param adapters   every adapter with its health, in the gateway's order
 * @param lastValues the last value per {@code <asset_id>/<parameter>}, sorted by key
 */
public record LiveSnapshot(long received, long published, long gaps, List<Adapter> adapters,
                           Map<String, LastValue> lastValues) {

    /** Copies the collections. */
    public LiveSnapshot {
        adapters = List.copyOf(adapters);
        lastValues = Map.copyOf(lastValues);
    }

    /**
     * One adapter's health.
     *
     * @param adapterId  {@code adapter_<protocol>_<device_uuid>} for a DTM device, the configured id otherwise
     * @param source     {@code dtm} or {@code gateway_config}
     * @param deviceUuid the DTM device, {@code null} for a configured adapter
     * @param protocol   the protocol (or the configured adapter type)
     * @param status     {@code HEALTHY}, {@code DEGRADED}, {@code DOWN}, ... as the gateway says
     * @param reason     why, when not healthy ("" otherwise)
     * @param received   measurements it handed over
     * @param gaps       of those, lost as stream gaps
     */
    public record Adapter(String adapterId, String source, String deviceUuid, String protocol, String status,
                          String reason, long received, long gaps) {
    }

    /**
     * One point's last value.
     *
     * @param key         {@code <asset_id>/<parameter>}
     * @param assetId     the asset (a DTM device's UUID for its points)
     * @param parameter   the parameter
     * @param value       the value
     * @param unit        its unit ("" when none)
     * @param quality     {@code GOOD}, {@code SUSPECT}, {@code UNCERTAIN} or {@code BAD}
     * @param gatewayTime when the gateway received it
     */
    public record LastValue(String key, String assetId, String parameter, double value, String unit, String quality,
                            Instant gatewayTime) {
    }
}

package io.arcnode.gateway.overflow.internal;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.ProducerGate;
import io.arcnode.stream.api.StreamTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One overflow check of spec 004's tiered strategy: measure the broker's disk use, act per {@link OverflowTier},
 * alert when the tier changes. Topic priority: {@link #FULL_RESOLUTION} (low) is cut first, {@link #ONE_SECOND}
 * (medium) next; alarms, DLQ, events and the 1 min / 1 h aggregates are never deleted. Actions are time cuts, so
 * repeating a check is harmless:
 * <ul>
 *   <li>DOWNSAMPLE and up: full-resolution telemetry older than {@link #DOWNSAMPLE_KEEP};</li>
 *   <li>EVICT and up: full-resolution telemetry older than {@link #EVICT_KEEP_FULL}; from the second consecutive
 *       check at EVICT or above (the first cut did not bring the use below 90 %) also 1 s aggregates older than
 *       {@link #EVICT_KEEP_1S};</li>
 *   <li>BLOCK: producers blocked through {@link ProducerGate} until the use is below 95 % again.</li>
 * </ul>
 * Plain Java: broker, gate, alert output and clock are passed in.
 */
public final class OverflowMonitor {

    /** Low priority: evicted first. */
    public static final List<String> FULL_RESOLUTION = List.of(StreamTopics.TELEMETRY_RAW,
            StreamTopics.TELEMETRY_CLEAN);
    /** Medium priority: evicted after full resolution. */
    public static final List<String> ONE_SECOND = List.of(StreamTopics.TELEMETRY_1S);
    static final Duration DOWNSAMPLE_KEEP = Duration.ofHours(1);
    static final Duration EVICT_KEEP_FULL = Duration.ofMinutes(10);
    static final Duration EVICT_KEEP_1S = Duration.ofHours(1);
    /** Parameter of the alert measurements (asset: the gateway id). */
    static final String PARAMETER = "stream_disk_usage";

    private static final Logger LOG = LoggerFactory.getLogger(OverflowMonitor.class);

    /**
     * The outcome of one check.
     *
     * @param usage   what was measured
     * @param tier    the tier it gives
     * @param evicted records deleted per topic by this check (topics with none left out)
     * @param blocked whether producers are blocked after it
     */
    public record Check(DiskUsage usage, OverflowTier tier, Map<String, Long> evicted, boolean blocked) {
    }

    private final StreamAdmin admin;
    private final ProducerGate gate;
    private final Consumer<Measurement> alerts;
    private final String gatewayId;
    private final Clock clock;
    private OverflowTier last = OverflowTier.NORMAL;
    private int evictChecks;
    private boolean blockedByUs;
    private final Map<String, Long> evictedTotal = new LinkedHashMap<>();

    /**
     * @param alerts receives one {@link Classification#ALARM} measurement per tier change (to {@code alarms.raw},
     *               which the gate never holds back)
     */
    public OverflowMonitor(StreamAdmin admin, ProducerGate gate, Consumer<Measurement> alerts, String gatewayId,
            Clock clock) {
        this.admin = admin;
        this.gate = gate;
        this.alerts = alerts;
        this.gatewayId = gatewayId;
        this.clock = clock;
    }

    /** Measures and acts once; an exception (broker not reachable) leaves everything as it was. */
    public synchronized Check check() throws Exception {
        DiskUsage usage = admin.usage();
        OverflowTier tier = OverflowTier.of(usage.fraction());
        Instant now = clock.instant();
        Map<String, Long> evicted = new LinkedHashMap<>();
        if (tier.compareTo(OverflowTier.EVICT) >= 0) {
            cut(FULL_RESOLUTION, now.minus(EVICT_KEEP_FULL), evicted);
            if (evictChecks > 0) {
                cut(ONE_SECOND, now.minus(EVICT_KEEP_1S), evicted);
            }
            evictChecks++;
        } else {
            evictChecks = 0;
            if (tier == OverflowTier.DOWNSAMPLE) {
                cut(FULL_RESOLUTION, now.minus(DOWNSAMPLE_KEEP), evicted);
            }
        }
        if (tier == OverflowTier.BLOCK) {
            gate.block("broker disk " + usage.describe() + " (overflow tier BLOCK, spec 004)");
            blockedByUs = true;
        } else if (blockedByUs) {
            gate.unblock();
            blockedByUs = false;
        }
        evicted.forEach((t, n) -> evictedTotal.merge(t, n, Long::sum));
        if (tier != last) {
            alert(tier, usage, evicted, now);
            last = tier;
        }
        return new Check(usage, tier, Map.copyOf(evicted), blockedByUs);
    }

    private void cut(List<String> topics, Instant cutoff, Map<String, Long> evicted) throws Exception {
        for (String topic : topics) {
            long n = admin.deleteBefore(topic, cutoff);
            if (n > 0) {
                evicted.merge(topic, n, Long::sum);
                LOG.warn("overflow: deleted {} record(s) of {} older than {}", n, topic, cutoff);
            }
        }
    }

    private void alert(OverflowTier tier, DiskUsage usage, Map<String, Long> evicted, Instant now) {
        String message = switch (tier) {
            case NORMAL -> "broker disk back to normal: " + usage.describe();
            case ALERT -> "broker disk above 70 %: " + usage.describe();
            case DOWNSAMPLE -> "broker disk above 80 %: " + usage.describe()
                    + "; full-resolution telemetry older than 1 h is deleted, aggregates kept";
            case EVICT -> "broker disk above 90 %: " + usage.describe()
                    + "; full-resolution telemetry older than 10 min is deleted, then 1 s aggregates older than 1 h";
            case BLOCK -> "broker disk above 95 %: " + usage.describe()
                    + "; producers blocked, readings wait in the stream buffer";
        };
        if (!evicted.isEmpty()) {
            message += "; deleted " + evicted;
        }
        String severity = switch (tier) {
            case NORMAL, ALERT -> "MEDIUM";
            case DOWNSAMPLE, EVICT -> "HIGH";
            case BLOCK -> "CRITICAL";
        };
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("adapter_id", "overflow");
        metadata.put("rule", "overflow_tier");
        metadata.put("tier", tier.name());
        metadata.put("severity", severity);
        metadata.put("alarm_state", tier == OverflowTier.NORMAL ? "CLEARED" : "ACTIVE");
        metadata.put("reason", message);
        metadata.put("disk_percent", String.valueOf(Math.round(usage.fraction() * 1000) / 10.0));
        if (tier.compareTo(last) > 0) {
            LOG.warn("overflow: {}", message);
        } else {
            LOG.info("overflow: {}", message);
        }
        // value 1 raises, 0 clears: the alarms.raw convention of io.arcnode.gateway.alarms
        alerts.accept(new Measurement(gatewayId, PARAMETER, tier == OverflowTier.NORMAL ? 0.0 : 1.0, "alarm",
                Quality.GOOD, Classification.ALARM, new Timestamps(now, now), metadata));
    }

    /** @return the tier of the last check */
    public synchronized OverflowTier tier() {
        return last;
    }

    /** @return records deleted per topic since start */
    public synchronized Map<String, Long> evictedTotal() {
        return Map.copyOf(evictedTotal);
    }
}

package io.arcnode.gateway.topology.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.Adapters;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.adapter.MeasurementSink;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.ProtocolConfig;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.PublishAck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Adapter} per connected DTM device, created by the {@link AdapterFactory} of the device's
 * {@code protocol_config.protocol}. A device whose {@code host} is blank has no connection (a bare deploy): no
 * adapter is created and nothing is contacted. A protocol without a factory gets {@link Adapters#unsupported}; when
 * its factory arrives later, those devices get a real adapter, and when a factory goes away its adapters are
 * stopped and become unsupported. {@link #reconcile} restarts only devices whose connection ({@code host},
 * {@code port}, {@code protocol_config}) changed. Every measurement an adapter hands over is counted per adapter,
 * remembered as the last value of its {@code asset_id/parameter}, and given to the {@link Downstream}; it counts as
 * {@code published} when the broker acknowledged it, as a gap when the stream refused or lost it. Thread-safe.
 */
public final class AdapterManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterManager.class);

    /** Where the measurements go after counting (the local stream). */
    @FunctionalInterface
    public interface Downstream {
        /** @return completes when the broker acknowledged the measurement; exceptionally: it is a gap */
        CompletionStage<PublishAck> publish(Measurement measurement);
    }

    /**
     * What a reconcile did, by device UUID.
     *
     * @param started       devices that got an adapter and had none
     * @param restarted     devices whose connection changed: old adapter stopped, new one started
     * @param stopped       devices removed from the DTM or whose connection was removed
     * @param unchanged     devices whose adapter kept running
     * @param notConnected  devices without connection (blank host): no adapter
     */
    public record Reconciliation(List<UUID> started, List<UUID> restarted, List<UUID> stopped,
            List<UUID> unchanged, List<UUID> notConnected) {
    }

    /** Where an adapter's configuration comes from. */
    public enum Source {
        /** a device of the DTM */
        DTM,
        /** an entry of the gateway configuration ({@code gateway.adapters_file}) */
        GATEWAY_CONFIG;

        /** @return {@code dtm} or {@code gateway_config} */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One adapter as {@code GET /measurements} shows it.
     *
     * @param source     DTM device or gateway configuration entry
     * @param deviceUuid the DTM device, {@code null} for a configured adapter
     * @param protocol   the DTM protocol ({@code modbus_tcp}) or the entry's adapter type ({@code opcua})
     * @param health     the adapter's health snapshot
     * @param received   measurements the adapter handed over since its device entered the DTM
     * @param published  of those, the ones the broker acknowledged
     * @param gaps       of those, the ones the stream refused or could not deliver (lost)
     */
    public record AdapterView(Source source, UUID deviceUuid, String protocol, AdapterHealth health, long received,
            long published, long gaps) {
    }

    private record Connection(String host, int port, ProtocolConfig config) {
        static Connection of(Device d) {
            return new Connection(d.host(), d.port(), d.protocolConfig());
        }
    }

    private static final class Counters {
        final LongAdder received = new LongAdder();
        final LongAdder published = new LongAdder();
        final LongAdder gaps = new LongAdder();
    }

    private static final class Managed {
        final Device device;
        final Counters counters;
        Adapter adapter;
        boolean unsupported;

        Managed(Device device, Counters counters) {
            this.device = device;
            this.counters = counters;
        }
    }

    /** An adapter of the gateway configuration. */
    private static final class ManagedConfig {
        final AdapterConfig config;
        final Counters counters = new Counters();
        Adapter adapter;
        boolean unsupported;

        ManagedConfig(AdapterConfig config) {
            this.config = config;
        }
    }

    private final Downstream downstream;
    private final Clock clock;
    private final Map<ProtocolKind, AdapterFactory> factories = new ConcurrentHashMap<>();
    private final Map<UUID, Managed> adapters = new LinkedHashMap<>();
    private final Map<String, ConfiguredAdapterFactory> configuredFactories = new ConcurrentHashMap<>();
    private final Map<String, ManagedConfig> configured = new LinkedHashMap<>();
    private final Simulators simulators;
    private final Map<String, Measurement> last = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> publishedByTopic = new ConcurrentHashMap<>();
    private int notConnected;

    /** Without simulators. */
    public AdapterManager(Downstream downstream, Clock clock) {
        this(downstream, clock, Simulators.NONE);
    }

    /**
     * @param simulators which peers to simulate (SIM mode): {@link Simulators#NONE} in production
     */
    public AdapterManager(Downstream downstream, Clock clock, Simulators simulators) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.simulators = Objects.requireNonNull(simulators, "simulators");
    }

    /** @return whether the device has connection data: a non-blank {@code host} */
    public static boolean connected(Device device) {
        return device.host() != null && !device.host().isBlank();
    }

    /** @return the adapter id of a device: {@code adapter_<protocol>_<device_uuid>} */
    public static String adapterId(Device device) {
        return "adapter_" + device.protocolConfig().protocol().json() + "_" + device.deviceUuid();
    }

    /** Makes the running adapters match {@code dtm}. */
    public synchronized Reconciliation reconcile(Dtm dtm) {
        List<UUID> started = new ArrayList<>();
        List<UUID> restarted = new ArrayList<>();
        List<UUID> stopped = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        List<UUID> bare = new ArrayList<>();
        Map<UUID, Device> wanted = new LinkedHashMap<>();
        for (Device d : dtm.devices()) {
            if (connected(d)) {
                wanted.put(d.deviceUuid(), d);
            } else {
                bare.add(d.deviceUuid());
            }
        }
        for (var it = adapters.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (!wanted.containsKey(e.getKey())) {
                stop(e.getValue());
                it.remove();
                stopped.add(e.getKey());
            }
        }
        Map<UUID, Managed> next = new LinkedHashMap<>();
        for (Device d : wanted.values()) {
            Managed old = adapters.get(d.deviceUuid());
            if (old != null && Connection.of(old.device).equals(Connection.of(d))) {
                Managed kept = new Managed(d, old.counters);
                kept.adapter = old.adapter;
                kept.unsupported = old.unsupported;
                next.put(d.deviceUuid(), kept);
                unchanged.add(d.deviceUuid());
                continue;
            }
            if (old != null) {
                stop(old);
                restarted.add(d.deviceUuid());
            } else {
                started.add(d.deviceUuid());
            }
            Managed m = new Managed(d, old == null ? new Counters() : old.counters);
            start(m);
            next.put(d.deviceUuid(), m);
        }
        adapters.clear();
        adapters.putAll(next);
        notConnected = bare.size();
        LOG.info("topology reconciled: {} started, {} restarted, {} stopped, {} unchanged, {} without connection",
                started.size(), restarted.size(), stopped.size(), unchanged.size(), bare.size());
        return new Reconciliation(List.copyOf(started), List.copyOf(restarted), List.copyOf(stopped),
                List.copyOf(unchanged), List.copyOf(bare));
    }

    /** Registers a factory; devices of its protocol that were unsupported get a real adapter. */
    public synchronized void addFactory(AdapterFactory factory) {
        factories.put(factory.protocol(), factory);
        for (Managed m : adapters.values()) {
            if (m.unsupported && m.device.protocolConfig().protocol() == factory.protocol()) {
                stop(m);
                start(m);
            }
        }
    }

    /**
     * Sets the adapters of the gateway configuration (once, at startup; a later call replaces them all). Entries
     * whose type has no factory report {@code UNSUPPORTED_PROTOCOL} until one arrives.
     */
    public synchronized void configure(List<AdapterConfig> entries) {
        for (ManagedConfig m : configured.values()) {
            stopQuietly(m.adapter);
        }
        configured.clear();
        for (AdapterConfig c : entries) {
            ManagedConfig m = new ManagedConfig(c);
            configured.put(c.adapterId(), m);
            start(m);
        }
        if (!entries.isEmpty()) {
            LOG.info("gateway configuration: {} adapter(s)", entries.size());
        }
    }

    /** @return the problems of every configured entry whose factory is present, {@code origin.key: rule} */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>();
        for (ConfiguredAdapterFactory f : new LinkedHashSet<>(configuredFactories.values())) {
            out.addAll(problems(f));
        }
        return out;
    }

    /** @return the configured entries of {@code factory}'s types with their problems, {@code origin: key: rule} */
    public synchronized List<String> problems(ConfiguredAdapterFactory factory) {
        List<String> out = new ArrayList<>();
        for (ManagedConfig m : configured.values()) {
            if (factory.adapterTypes().contains(m.config.adapterType())) {
                for (String p : factory.validate(m.config)) {
                    out.add(m.config.origin() + "." + p);
                }
            }
        }
        return out;
    }

    /** Registers a configured-adapter factory; entries of its types that were unsupported get a real adapter. */
    public synchronized void addConfiguredFactory(ConfiguredAdapterFactory factory) {
        for (String type : factory.adapterTypes()) {
            configuredFactories.put(type, factory);
        }
        for (ManagedConfig m : configured.values()) {
            if (m.unsupported && factory.adapterTypes().contains(m.config.adapterType())) {
                stopQuietly(m.adapter);
                start(m);
            }
        }
    }

    /** Unregisters a configured-adapter factory; its adapters are stopped and become unsupported. */
    public synchronized void removeConfiguredFactory(ConfiguredAdapterFactory factory) {
        boolean removed = false;
        for (String type : factory.adapterTypes()) {
            removed |= configuredFactories.remove(type, factory);
        }
        if (!removed) {
            return;
        }
        simulators.forget(factory);
        for (ManagedConfig m : configured.values()) {
            if (!m.unsupported && factory.adapterTypes().contains(m.config.adapterType())) {
                stopQuietly(m.adapter);
                start(m);
            }
        }
    }

    /** Unregisters a factory; its adapters are stopped and become unsupported. */
    public synchronized void removeFactory(AdapterFactory factory) {
        if (!factories.remove(factory.protocol(), factory)) {
            return;
        }
        simulators.forget(factory);
        for (Managed m : adapters.values()) {
            if (!m.unsupported && m.device.protocolConfig().protocol() == factory.protocol()) {
                stop(m);
                start(m);
            }
        }
    }

    /** @return every adapter: the DTM's in DTM order, then the gateway configuration's in file order */
    public synchronized List<AdapterView> adapters() {
        List<AdapterView> out = new ArrayList<>();
        for (Managed m : adapters.values()) {
            out.add(new AdapterView(Source.DTM, m.device.deviceUuid(), m.device.protocolConfig().protocol().json(),
                    m.adapter.health(), m.counters.received.sum(), m.counters.published.sum(), m.counters.gaps.sum()));
        }
        for (ManagedConfig m : configured.values()) {
            out.add(new AdapterView(Source.GATEWAY_CONFIG, null, m.config.adapterType(), m.adapter.health(),
                    m.counters.received.sum(), m.counters.published.sum(), m.counters.gaps.sum()));
        }
        return out;
    }

    /** @return how many devices of the last reconciled DTM have no connection */
    public synchronized int notConnected() {
        return notConnected;
    }

    /** @return per topic, the measurements of the adapters the broker acknowledged there, sorted by topic */
    public Map<String, Long> publishedByTopic() {
        Map<String, Long> out = new TreeMap<>();
        publishedByTopic.forEach((topic, n) -> out.put(topic, n.sum()));
        return out;
    }

    /** @return the last measurement of every {@code asset_id/parameter}, sorted by that key */
    public Map<String, Measurement> lastValues() {
        return new TreeMap<>(last);
    }

    /** Stops every adapter, then every simulator. */
    @Override
    public synchronized void close() {
        for (Managed m : adapters.values()) {
            stop(m);
        }
        adapters.clear();
        for (ManagedConfig m : configured.values()) {
            stopQuietly(m.adapter);
        }
        configured.clear();
        simulators.close();
    }

    private void start(Managed m) {
        Device d = m.device;
        String id = adapterId(d);
        ProtocolKind protocol = d.protocolConfig().protocol();
        AdapterFactory factory = factories.get(protocol);
        if (factory == null) {
            m.adapter = Adapters.unsupported(id, protocol);
            m.unsupported = true;
            return;
        }
        simulators.device(factory, d);
        AdapterContext context = new AdapterContext(id, d.deviceUuid().toString(), Classification.TELEMETRY,
                sink(m.counters), clock);
        m.adapter = startAdapter(id, () -> factory.create(context, d));
        m.unsupported = false;
    }

    private void start(ManagedConfig m) {
        AdapterConfig c = m.config;
        ConfiguredAdapterFactory factory = configuredFactories.get(c.adapterType());
        if (factory == null) {
            m.adapter = Adapters.unsupported(c.adapterId(), c.adapterType());
            m.unsupported = true;
            return;
        }
        simulators.entry(factory, c);
        AdapterContext context = new AdapterContext(c.adapterId(), c.assetId(), c.classification(),
                sink(m.counters), clock);
        m.adapter = startAdapter(c.adapterId(), () -> factory.create(context, c));
        m.unsupported = false;
    }

    /** @return the sink of one adapter: counts, remembers the last value, hands over downstream */
    private MeasurementSink sink(Counters c) {
        return measurement -> {
            c.received.increment();
            last.put(measurement.assetId() + "/" + measurement.parameter(), measurement);
            downstream.publish(measurement).whenComplete((ack, gap) -> {
                if (gap == null) {
                    c.published.increment();
                    publishedByTopic.computeIfAbsent(ack.topic(), t -> new LongAdder()).increment();
                } else {
                    c.gaps.increment();
                }
            });
        };
    }

    private static Adapter startAdapter(String id, Supplier<Adapter> create) {
        Adapter adapter = null;
        try {
            adapter = create.get();
            adapter.start();
        } catch (RuntimeException e) {
            LOG.warn("adapter {}: cannot start: {}", id, e.toString());
            if (adapter != null) {
                stopQuietly(adapter);
            }
            adapter = Adapters.configError(id, "cannot start: " + e.getMessage());
        }
        return adapter;
    }

    private static void stop(Managed m) {
        stopQuietly(m.adapter);
    }

    private static void stopQuietly(Adapter adapter) {
        try {
            adapter.stop();
        } catch (RuntimeException e) {
            LOG.warn("adapter {}: stop failed: {}", adapter.id(), e.toString());
        }
    }
}

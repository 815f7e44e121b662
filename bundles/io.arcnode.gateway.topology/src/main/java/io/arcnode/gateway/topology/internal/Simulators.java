package io.arcnode.gateway.topology.internal;

import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.dtm.Device;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM mode ({@code gateway.simulate: true}, the demo stage): before an adapter starts, the simulator of its
 * protocol bundle is started as its peer, so data flows with no device on site. A DTM device is simulated when
 * its host is a loopback address ({@code 127.x.x.x}, {@code localhost}, {@code ::1}): one simulator per protocol
 * and port, the first device on a port decides what it serves. Every entry of the gateway configuration is
 * simulated, one simulator per entry, by its factory on the loopback address. A simulator that cannot start
 * (port taken) is logged once and its adapter simply finds no peer (DEGRADED). Simulators run until the factory
 * that made them goes away or the gateway stops. Not thread-safe: {@link AdapterManager} calls it under its lock.
 */
public final class Simulators implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "[::1]");

    /** No simulation (production). */
    public static final Simulators NONE = new Simulators(false);

    private record Running(Object factory, AutoCloseable simulator) {
    }

    private final boolean on;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();

    private Simulators(boolean on) {
        this.on = on;
    }

    /** @return simulators that start on demand */
    public static Simulators enabled() {
        return new Simulators(true);
    }

    /** @return whether {@code host} names this machine's loopback interface */
    static boolean loopback(String host) {
        return host != null && (host.startsWith("127.") || LOOPBACK_NAMES.contains(host.toLowerCase()));
    }

    /** Starts the peer of a DTM device if SIM mode is on, the host is loopback and none runs on that port. */
    void device(AdapterFactory factory, Device device) {
        if (!on || !loopback(device.host())) {
            return;
        }
        attempt(device.protocolConfig().protocol().json() + " on port " + device.port(), factory,
                () -> factory.simulate(device));
    }

    /** Starts the peer of a gateway-configured adapter if SIM mode is on and it has none yet. */
    void entry(ConfiguredAdapterFactory factory, AdapterConfig config) {
        if (!on) {
            return;
        }
        attempt(config.adapterType() + " for " + config.adapterId(), factory, () -> factory.simulate(config));
    }

    /** A factory's {@code simulate} call. */
    @FunctionalInterface
    private interface Start {
        Optional<AutoCloseable> simulate() throws IOException;
    }

    /** Starts the simulator {@code key} once: a peer that has none, or could not start, is not asked again. */
    private void attempt(String key, Object factory, Start start) {
        if (running.containsKey(key) || failed.containsKey(key)) {
            return;
        }
        try {
            Optional<AutoCloseable> simulator = start.simulate();
            if (simulator.isPresent()) {
                running.put(key, new Running(factory, simulator.get()));
                LOG.info("SIM mode: {} simulator started", key);
            } else {
                failed.put(key, "no simulator");
                LOG.info("SIM mode: {}: its protocol bundle has no simulator for it", key);
            }
        } catch (IOException | RuntimeException e) {
            failed.put(key, e.toString());
            LOG.warn("SIM mode: {} simulator cannot start: {}", key, e.toString());
        }
    }

    /** Stops the simulators {@code factory} started (it is going away). */
    void forget(Object factory) {
        for (Iterator<Map.Entry<String, Running>> it = running.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Running> e = it.next();
            if (e.getValue().factory() == factory) {
                stop(e.getKey(), e.getValue());
                it.remove();
            }
        }
        failed.clear();
    }

    /** Stops every simulator. */
    @Override
    public void close() {
        running.forEach(this::stop);
        running.clear();
        failed.clear();
    }

    private void stop(String key, Running r) {
        try {
            r.simulator().close();
            LOG.info("SIM mode: {} simulator stopped", key);
        } catch (Exception e) {
            LOG.warn("SIM mode: {} simulator did not stop cleanly: {}", key, e.toString());
        }
    }
}

package io.arcnode.gateway.topology.internal;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.EmsMode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's current DTM: loaded from the {@link TopologyStore} at {@link #start()} (a restart comes back with the
 * last applied DTM and its adapters), replaced by {@link #apply}. Apply increments {@code dtm_version}, decides
 * {@code ems_mode} ({@link #emsMode}), persists, then reconciles the {@link AdapterManager}. Thread-safe: applies are
 * serialised.
 */
public final class TopologyService {

    /** The answer of an apply: the new topology and what the adapters did. */
    public record Applied(AppliedTopology topology, AdapterManager.Reconciliation reconciliation) {
    }

    private final TopologyStore store;
    private final AdapterManager adapters;
    private final Clock clock;
    private volatile AppliedTopology current;

    public TopologyService(TopologyStore store, AdapterManager adapters, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads the stored topology and starts its adapters.
     *
     * @return the loaded topology, empty when none was ever applied
     * @throws IllegalStateException when the stored file is not a valid topology
     */
    public synchronized Optional<AppliedTopology> start() {
        Optional<AppliedTopology> loaded = store.load();
        loaded.ifPresent(t -> {
            current = t;
            adapters.reconcile(t.dtm());
        });
        return loaded;
    }

    /** @return the current topology, empty before the first apply */
    public Optional<AppliedTopology> current() {
        return Optional.ofNullable(current);
    }

    /** Applies a validated DTM: next version, decided {@code ems_mode}, persisted, adapters reconciled. */
    public synchronized Applied apply(Dtm posted) {
        AppliedTopology previous = current;
        Dtm dtm = new Dtm(posted.deploymentUuid(), emsMode(previous == null ? null : previous.dtm(), posted),
                posted.sizingParams(), posted.modules(), posted.devices());
        long version = previous == null ? 1 : previous.dtmVersion() + 1;
        AppliedTopology next = new AppliedTopology(version,
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), dtm);
        store.save(next);
        current = next;
        return new Applied(next, adapters.reconcile(dtm));
    }

    /**
     * The {@code ems_mode} rule: {@code live} when the posted DTM says {@code live}, or when it gives a device of the
     * current DTM (same {@code device_uuid}) a different {@code host} or {@code port} with a non-blank host (that is
     * commissioning: real connection data replaces the simulator or the missing connection); otherwise the posted
     * value ({@code sim} when absent).
     */
    static EmsMode emsMode(Dtm previous, Dtm posted) {
        if (posted.emsMode() == EmsMode.LIVE || previous == null) {
            return posted.emsMode();
        }
        Map<UUID, Device> before = new HashMap<>();
        for (Device d : previous.devices()) {
            before.put(d.deviceUuid(), d);
        }
        for (Device d : posted.devices()) {
            Device old = before.get(d.deviceUuid());
            if (old != null && AdapterManager.connected(d)
                    && (!Objects.equals(old.host(), d.host()) || old.port() != d.port())) {
                return EmsMode.LIVE;
            }
        }
        return posted.emsMode();
    }
}

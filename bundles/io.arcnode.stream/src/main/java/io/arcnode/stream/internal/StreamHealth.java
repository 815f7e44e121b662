package io.arcnode.stream.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;
import java.util.Optional;

/** The {@code stream} health component: the broker as the last check saw it, plus the buffer and the gaps. */
final class StreamHealth {

    private StreamHealth() {
    }

    /**
     * @return DEGRADED while the broker is not reachable, the buffer is full (readings become gaps) or producers are
     *         blocked (overflow), else the broker's status; the detail adds {@code buffer <in use>/<capacity>
     *         reading(s), <n> gap(s)} and the blocking reason
     */
    static ComponentHealth of(ComponentHealth broker, StreamLedger.Snapshot ledger, Optional<String> blocked) {
        boolean full = ledger.inUse() >= ledger.capacity();
        HealthStatus status = (full || blocked.isPresent()) && broker.status() == HealthStatus.HEALTHY
                ? HealthStatus.DEGRADED : broker.status();
        long gaps = ledger.gapTotal();
        String detail = broker.detail() + blocked.map(r -> "; producers blocked: " + r).orElse("")
                + "; buffer " + ledger.inUse() + "/" + ledger.capacity() + " reading(s)"
                + (full ? " (full: further readings are gaps)" : "") + ", " + gaps + " reading(s) lost as gaps";
        return new ComponentHealth(broker.component(), status, detail, broker.critical());
    }
}

package io.arcnode.stream.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;

/** The {@code stream} health component: the broker as the last check saw it, plus the buffer and the gaps. */
final class StreamHealth {

    private StreamHealth() {
    }

    /**
     * @return DEGRADED while the broker is not reachable or the buffer is full (readings become gaps), else the
     *         broker's status; the detail adds {@code buffer <in use>/<capacity> reading(s), <n> gap(s)}
     */
    static ComponentHealth of(ComponentHealth broker, StreamLedger.Snapshot ledger) {
        boolean full = ledger.inUse() >= ledger.capacity();
        HealthStatus status = full && broker.status() == HealthStatus.HEALTHY ? HealthStatus.DEGRADED : broker.status();
        long gaps = ledger.gapTotal();
        String detail = broker.detail() + "; buffer " + ledger.inUse() + "/" + ledger.capacity() + " reading(s)"
                + (full ? " (full: further readings are gaps)" : "") + ", " + gaps + " reading(s) lost as gaps";
        return new ComponentHealth(broker.component(), status, detail, broker.critical());
    }
}

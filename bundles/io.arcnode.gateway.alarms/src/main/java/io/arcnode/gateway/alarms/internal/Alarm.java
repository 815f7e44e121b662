package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.telemetry.AlarmState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One alarm (one occurrence: from raised to cleared) with its whole history; immutable, each change makes a new
 * value with the next {@code seq}. Never evicted.
 *
 * @param seq             the engine's sequence number of this version (gateway-wide, grows by one per change)
 * @param id              {@code alm-<n>}, unique per gateway, never reused
 * @param assetId         the asset (the record key on {@code alarms.clean})
 * @param parameter       the parameter
 * @param rule            the rule's name ({@code raw:<rule>} for alarms read from {@code alarms.raw})
 * @param condition       the condition's description
 * @param severity        the severity
 * @param message         text for people
 * @param state           the lifecycle state
 * @param conditionActive whether the condition is true now (also while ACKNOWLEDGED or SUPPRESSED)
 * @param raisedAt        device time of the raising reading
 * @param value           the value that raised it
 * @param history         every transition, oldest first
 */
public record Alarm(long seq, String id, String assetId, String parameter, String rule, String condition,
        Severity severity, String message, AlarmState state, boolean conditionActive, Instant raisedAt, double value,
        List<Transition> history) {

    public Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
    }

    /** @return this alarm after {@code t}, as version {@code nextSeq} */
    Alarm next(long nextSeq, Transition t, boolean condition) {
        List<Transition> h = new ArrayList<>(history);
        h.add(t);
        return new Alarm(nextSeq, id, assetId, parameter, rule, this.condition, severity, message, t.to(), condition,
                raisedAt, value, h);
    }

    /** @return the last transition */
    public Transition last() {
        return history.get(history.size() - 1);
    }

    /** @return whether the alarm is open (not CLEARED) */
    public boolean open() {
        return state != AlarmState.CLEARED;
    }

    /** @return the last operator action named {@code event} ({@code ack}, {@code suppress}), or null */
    public Transition lastOf(String event) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).event().equals(event)) {
                return history.get(i);
            }
        }
        return null;
    }
}

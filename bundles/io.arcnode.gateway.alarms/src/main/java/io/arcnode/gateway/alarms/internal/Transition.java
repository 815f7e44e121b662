package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.telemetry.AlarmState;
import java.time.Instant;

/**
 * One change of an alarm, in its history.
 *
 * @param from    the state before; {@code null} for the first one (the alarm raised)
 * @param to      the state after (may equal {@code from} for {@code condition_cleared} while suppressed)
 * @param event   what happened: {@code raised}, {@code condition_cleared}, {@code condition_returned}, {@code ack},
 *                {@code suppress}, {@code unsuppress}
 * @param at      when: the reading's device time for condition changes (gateway time when the reading has none),
 *                the gateway clock for operator actions
 * @param by      {@code condition} (the engine) or the operator's name
 * @param comment the operator's comment, or for condition changes the reading ({@code value 85.0})
 */
public record Transition(AlarmState from, AlarmState to, String event, Instant at, String by, String comment) {
}

package io.arcnode.gateway.alarms.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What makes a reading "in alarm". Pure: the caller keeps whether the point was in alarm before (deadband). */
public sealed interface Condition {

    /**
     * @param value      the reading
     * @param wasInAlarm whether the point was in alarm before this reading (the deadband applies on the way back)
     * @return whether the point is in alarm with this reading
     */
    boolean inAlarm(double value, boolean wasInAlarm);

    /** @return the condition for people and for {@code alarms.clean}, e.g. {@code value >= 80.0 (deadband 2.0)} */
    String describe();

    /**
     * High ({@code value >= limit}) or low ({@code value <= limit}) threshold; back to normal only beyond the
     * deadband ({@code value < limit - deadband} for high, {@code value > limit + deadband} for low).
     */
    record Threshold(boolean high, double limit, double deadband) implements Condition {
        @Override
        public boolean inAlarm(double value, boolean wasInAlarm) {
            if (Double.isNaN(value)) {
                return wasInAlarm; // no information: the validator sends NaN to the DLQ anyway
            }
            double edge = wasInAlarm ? (high ? limit - deadband : limit + deadband) : limit;
            return high ? value >= edge : value <= edge;
        }

        @Override
        public String describe() {
            return "value " + (high ? ">=" : "<=") + " " + limit + (deadband > 0 ? " (deadband " + deadband + ")" : "");
        }
    }

    /** Discrete state match: in alarm while the value is one of {@code values}. */
    record StateMatch(Set<Double> values) implements Condition {
        public StateMatch {
            values = Set.copyOf(values);
        }

        @Override
        public boolean inAlarm(double value, boolean wasInAlarm) {
            return values.contains(value);
        }

        @Override
        public String describe() {
            TreeSet<Double> sorted = new TreeSet<>(values);
            return sorted.size() == 1 ? "value == " + sorted.first()
                    : "value in [" + sorted.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
        }
    }
}

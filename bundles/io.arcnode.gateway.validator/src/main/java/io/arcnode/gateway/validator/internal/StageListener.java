package io.arcnode.gateway.validator.internal;

/**
 * What the validator counts, told by {@link ValidatorStage} and {@link DlqService} as it happens;
 * {@link ValidatorMetrics} puts it on {@code /metrics}. Every method is called after the Kafka transaction that made
 * it true committed (an aborted transaction is counted only as {@link #aborted()}).
 */
public interface StageListener {

    /** Counts nothing. */
    StageListener NONE = new StageListener() {
    };

    /** One record read from {@code topic} ({@code telemetry.raw}, {@code events.raw}). */
    default void consumed(String topic) {
    }

    /** One record written to {@code topic} with {@code quality} (GOOD, SUSPECT, UNCERTAIN, BAD, APPROVED). */
    default void produced(String topic, String quality) {
    }

    /** One DLQ record because of {@code rule} (a record with several BAD findings counts once per rule). */
    default void dlq(String rule) {
    }

    /** One alarm on {@code alarms.raw} for {@code rule} ({@code gap}, {@code clock_skew}). */
    default void alert(String rule) {
    }

    /** One transaction aborted (its records are read again). */
    default void aborted() {
    }

    /** Seconds from a measurement's gateway time to its validation. */
    default void latency(double seconds) {
    }

    /** After a poll: records not yet read, per raw topic (the consumer's own view of the partitions' ends). */
    default void lag(java.util.Map<String, Long> recordsBehind) {
    }

    /** One DLQ record sent on to {@code .clean}: {@code how} is {@code approved} or {@code reprocessed}. */
    default void reprocessed(String how) {
    }
}

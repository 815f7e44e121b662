package io.arcnode.stream.api;

import java.util.List;

import io.arcnode.api.telemetry.Classification;

/** The topics of the local stream (spec 004, "Topic Organization"), all created at startup. */
public final class StreamTopics {

    public static final String TELEMETRY_RAW = "telemetry.raw";
    public static final String TELEMETRY_CLEAN = "telemetry.clean";
    public static final String TELEMETRY_1S = "telemetry.1s";
    public static final String TELEMETRY_1MIN = "telemetry.1min";
    public static final String TELEMETRY_1HOUR = "telemetry.1hour";
    public static final String EVENTS_RAW = "events.raw";
    public static final String EVENTS_CLEAN = "events.clean";
    public static final String ALARMS_RAW = "alarms.raw";
    public static final String ALARMS_CLEAN = "alarms.clean";
    public static final String DLQ_TELEMETRY = "dlq.telemetry";
    public static final String DLQ_EVENTS = "dlq.events";

    /** Every topic, in the order of the spec. */
    public static final List<String> ALL = List.of(TELEMETRY_RAW, TELEMETRY_CLEAN, TELEMETRY_1S, TELEMETRY_1MIN,
            TELEMETRY_1HOUR, EVENTS_RAW, EVENTS_CLEAN, ALARMS_RAW, ALARMS_CLEAN, DLQ_TELEMETRY, DLQ_EVENTS);

    private StreamTopics() {
    }

    /** @return the topic adapters publish a measurement of this classification to */
    public static String rawTopic(Classification classification) {
        return switch (classification) {
            case TELEMETRY -> TELEMETRY_RAW;
            case EVENT -> EVENTS_RAW;
            case ALARM -> ALARMS_RAW;
        };
    }
}

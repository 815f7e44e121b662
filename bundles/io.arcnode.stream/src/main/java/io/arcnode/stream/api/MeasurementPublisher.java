package io.arcnode.stream.api;

import java.util.concurrent.CompletionStage;

import io.arcnode.api.telemetry.Measurement;

/**
 * Publishes measurements to the gateway-local stream: topic by classification ({@link StreamTopics#rawTopic}),
 * record key {@code asset_id}, value the Avro single-object encoding ({@link MeasurementAvro}).
 */
public interface MeasurementPublisher {

    /**
     * Hands one measurement to the producer; never blocks on the broker.
     *
     * @return completes when the broker acknowledged the record ({@code acks=all}); completes exceptionally
     *         when the record could not be delivered within the producer's delivery timeout or was rejected
     */
    CompletionStage<PublishAck> publish(Measurement measurement);
}

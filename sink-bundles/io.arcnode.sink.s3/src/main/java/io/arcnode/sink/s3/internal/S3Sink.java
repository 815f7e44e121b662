package io.arcnode.sink.s3.internal;

import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.stream.api.KafkaClients;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The S3 sink's loop, exactly as the gateway runs it (the integration tests build it through here). */
final class S3Sink {

    /** The sink's consumer group. */
    static final String GROUP = "arcnode-sink-s3";
    /** The sink's name (health {@code sink_s3}, metrics label). */
    static final String NAME = "s3";

    private S3Sink() {
    }

    /** @param breaker the spec's breaker in the gateway (5 failures, 30 s); tests pass a shorter cooldown */
    static SinkLoop<S3Entry> create(S3SinkSettings settings, String bootstrap, Producer<String, byte[]> dlq,
            CircuitBreaker breaker, PrometheusRegistry registry) {
        Map<String, Object> c = SinkLoop.consumerConfig(bootstrap, GROUP, settings.batchSize());
        ObjectLayout layout = new ObjectLayout(settings.prefix(), settings.chunkRecords());
        return new SinkLoop<>(NAME,
                () -> KafkaClients.create(() -> new KafkaConsumer<>(c, new StringDeserializer(),
                        new ByteArrayDeserializer())),
                settings.topics(), S3Records::decode, () -> new S3ObjectWriter(new S3Store(settings), layout),
                new KafkaDeadLetters(dlq, NAME), breaker, registry);
    }
}

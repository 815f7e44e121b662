package io.arcnode.sink.api;

import io.arcnode.api.health.ComponentHealth;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters on the local stream: a record of {@code telemetry.*} goes to {@code dlq.telemetry}, any other to
 * {@code dlq.events} (the two DLQ topics of spec 004), same key and value, its headers kept, plus
 * {@value #FINDINGS_HEADER} ({@code sink_<name>: reason}, the validator's header, so one DLQ reader shows both) and
 * {@value #SOURCE_HEADER} ({@code topic/partition@offset}). {@link #send} waits for the broker's acknowledgement
 * (the producer should use {@code acks=all}).
 */
public final class KafkaDeadLetters implements DeadLetters {

    /** Header: why the record is here, {@code sink_<name>: reason}. */
    public static final String FINDINGS_HEADER = "arcnode.findings";
    /** Header: where the record came from, {@code topic/partition@offset}. */
    public static final String SOURCE_HEADER = "arcnode.source";

    private static final long ACK_TIMEOUT_S = 30;

    private final Producer<String, byte[]> producer;
    private final String sink;

    /** @param sink the sink's name, as in its {@link ComponentHealth} */
    public KafkaDeadLetters(Producer<String, byte[]> producer, String sink) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** @return the DLQ topic of records from {@code topic} */
    public static String dlqTopic(String topic) {
        return topic.startsWith("telemetry.") ? "dlq.telemetry" : "dlq.events";
    }

    @Override
    public void send(ConsumerRecord<String, byte[]> record, String reason)
            throws InterruptedException, ExecutionException, TimeoutException {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(FINDINGS_HEADER, ("sink_" + sink + ": " + reason).getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(dlqTopic(record.topic()), null, record.key(), record.value(), headers))
                .get(ACK_TIMEOUT_S, TimeUnit.SECONDS);
    }
}

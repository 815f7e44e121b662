package io.arcnode.gateway.validator.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator as a stream stage: consumer group {@value #GROUP} on {@code telemetry.raw} and {@code events.raw};
 * each record's {@link Verdict} sends it to {@code telemetry.clean} / {@code events.clean} (GOOD, SUSPECT,
 * UNCERTAIN) or to {@code dlq.telemetry} / {@code dlq.events} (BAD, and records that are not a measurement at all,
 * rule {@code schema}), same key, the measurement re-encoded with its new quality, the findings in the headers
 * {@value #QUALITY_HEADER} and {@value #FINDINGS_HEADER} ({@code rule: reason} lines). Consume, produce and the
 * consumer offsets are one Kafka transaction per poll (the producer needs a {@code transactional.id}), so a crash
 * neither loses nor doubles a record for {@code read_committed} readers. Runs in the calling thread until
 * {@link #close()}.
 */
public final class ValidatorStage implements Runnable, AutoCloseable {

    /** The consumer group. */
    public static final String GROUP = "arcnode-validator";
    /** Header: the quality the validator decided. */
    public static final String QUALITY_HEADER = "arcnode.quality";
    /** Header: the findings, one {@code rule: reason} per line; absent when there are none. */
    public static final String FINDINGS_HEADER = "arcnode.findings";

    private static final Logger LOG = LoggerFactory.getLogger(ValidatorStage.class);
    private static final Map<String, String[]> ROUTES = Map.of(
            StreamTopics.TELEMETRY_RAW, new String[] {StreamTopics.TELEMETRY_CLEAN, StreamTopics.DLQ_TELEMETRY},
            StreamTopics.EVENTS_RAW, new String[] {StreamTopics.EVENTS_CLEAN, StreamTopics.DLQ_EVENTS});

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Validator validator;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param consumer  a consumer of group {@value #GROUP}, {@code enable.auto.commit=false},
     *                  {@code isolation.level=read_committed}
     * @param producer  a transactional producer (its {@code transactional.id} stable per gateway)
     * @param validator the rules
     */
    public ValidatorStage(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Validator validator) {
        this.consumer = consumer;
        this.producer = producer;
        this.validator = validator;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(ROUTES.keySet());
            started = true;
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            consumer.close();
            producer.close();
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(route(r));
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            LOG.warn("validator: transaction aborted, the batch is read again: {}", e.toString());
            producer.abortTransaction();
            rewind(records.partitions());
        }
    }

    /** @return the record for {@code .clean} or the DLQ */
    ProducerRecord<String, byte[]> route(ConsumerRecord<String, byte[]> r) {
        String[] to = ROUTES.get(r.topic());
        RecordHeaders headers = new RecordHeaders();
        Measurement m;
        try {
            m = MeasurementAvro.decode(r.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            headers.add(QUALITY_HEADER, bytes("BAD"));
            headers.add(FINDINGS_HEADER, bytes("schema: not a measurement: " + e.getMessage()));
            return new ProducerRecord<>(to[1], null, r.key(), r.value(), headers);
        }
        Verdict v = validator.validate(m);
        headers.add(QUALITY_HEADER, bytes(v.quality().name()));
        if (!v.findings().isEmpty()) {
            headers.add(FINDINGS_HEADER, bytes(v.findings().stream().map(f -> f.rule() + ": " + f.reason())
                    .collect(Collectors.joining("\n"))));
        }
        return new ProducerRecord<>(v.bad() ? to[1] : to[0], null, r.key(), MeasurementAvro.encode(v.measurement()),
                headers);
    }

    private void rewind(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            if (o != null) {
                consumer.seek(tp, o);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @return whether {@link #run()} has its transactional producer and its subscription */
    public boolean started() {
        return started && !closed;
    }

    /** Ends {@link #run()} after the current batch. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}

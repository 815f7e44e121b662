package io.arcnode.gateway.validator.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * neither loses nor doubles a record for {@code read_committed} readers. A DLQ record also carries
 * {@value #RAW_QUALITY_HEADER} (the adapter's quality) so that {@link DlqService} can judge it again after a rule
 * change. A {@code gap} or {@code clock_skew} finding also writes an alarm measurement to {@code alarms.raw} in the
 * same transaction, rate-limited by {@link AlertGate}. {@link #useRules(List)} swaps the rules between two polls.
 * Runs in the calling thread until {@link #close()}.
 */
public final class ValidatorStage implements Runnable, AutoCloseable {

    /** The consumer group. */
    public static final String GROUP = "arcnode-validator";
    /** Header: the quality the validator decided. */
    public static final String QUALITY_HEADER = "arcnode.quality";
    /** Header: the findings, one {@code rule: reason} per line; absent when there are none. */
    public static final String FINDINGS_HEADER = "arcnode.findings";
    /** Header of DLQ records: the quality the adapter gave (the value carries BAD). */
    public static final String RAW_QUALITY_HEADER = "arcnode.raw_quality";

    private static final Logger LOG = LoggerFactory.getLogger(ValidatorStage.class);
    private static final Map<String, String[]> ROUTES = Map.of(
            StreamTopics.TELEMETRY_RAW, new String[] {StreamTopics.TELEMETRY_CLEAN, StreamTopics.DLQ_TELEMETRY},
            StreamTopics.EVENTS_RAW, new String[] {StreamTopics.EVENTS_CLEAN, StreamTopics.DLQ_EVENTS});

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final StageListener listener;
    private final AlertGate alerts = new AlertGate();
    private Validator validator;
    private volatile Validator next;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param consumer  a consumer of group {@value #GROUP}, {@code enable.auto.commit=false},
     *                  {@code isolation.level=read_committed}
     * @param producer  a transactional producer (its {@code transactional.id} stable per gateway)
     * @param validator the rules
     */
    public ValidatorStage(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Validator validator) {
        this(consumer, producer, validator, Clock.systemUTC(), StageListener.NONE);
    }

    /**
     * @param clock    the time a record is validated at (latency from its gateway time)
     * @param listener told what was consumed, produced, aborted
     */
    public ValidatorStage(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Validator validator,
            Clock clock, StageListener listener) {
        this.consumer = consumer;
        this.producer = producer;
        this.validator = validator;
        this.clock = clock;
        this.listener = listener;
    }

    /** Validates with {@code rules} from the next poll on (the history of the duplicate, rate and gap checks restarts). */
    public void useRules(List<Rule> rules) {
        next = new Validator(rules);
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
                listener.lag(lag());
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
        Validator swap = next;
        if (swap != null) {
            next = null;
            validator = swap;
        }
        producer.beginTransaction();
        List<Routed> done = new ArrayList<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                Routed routed = route(r);
                routed.records().forEach(producer::send);
                done.add(routed);
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            LOG.warn("validator: transaction aborted, the batch is read again: {}", e.toString());
            listener.aborted();
            producer.abortTransaction();
            rewind(records.partitions());
            return;
        }
        for (Routed routed : done) {
            listener.consumed(routed.from());
            for (ProducerRecord<String, byte[]> out : routed.records()) {
                listener.produced(out.topic(), header(out, QUALITY_HEADER));
            }
            routed.dlqRules().forEach(listener::dlq);
            routed.alerts().forEach(listener::alert);
            if (routed.latencySeconds() >= 0) {
                listener.latency(routed.latencySeconds());
            }
        }
    }

    /**
     * What one raw record became.
     *
     * @param from           the raw topic
     * @param records        the {@code .clean} or DLQ record, then the alarms
     * @param dlqRules       the BAD findings' rules of a DLQ record (empty for {@code .clean})
     * @param alerts         the rules of the alarms
     * @param latencySeconds gateway time to validation, -1 for a record that is not a measurement
     */
    record Routed(String from, List<ProducerRecord<String, byte[]>> records, List<String> dlqRules,
            List<String> alerts, double latencySeconds) {
    }

    /** @return the record for {@code .clean} or the DLQ, and the alarms it raises on {@code alarms.raw} */
    Routed route(ConsumerRecord<String, byte[]> r) {
        String[] to = ROUTES.get(r.topic());
        RecordHeaders headers = new RecordHeaders();
        Measurement m;
        try {
            m = MeasurementAvro.decode(r.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            headers.add(QUALITY_HEADER, bytes("BAD"));
            headers.add(FINDINGS_HEADER, bytes("schema: not a measurement: " + e.getMessage()));
            return new Routed(r.topic(), List.of(new ProducerRecord<>(to[1], null, r.key(), r.value(), headers)),
                    List.of("schema"), List.of(), -1);
        }
        Verdict v = validator.validate(m);
        List<Verdict.Finding> found = new ArrayList<>(v.findings());
        List<String> dlqRules = List.of();
        if (v.bad()) {
            dlqRules = found.stream().filter(f -> BAD_RULES.contains(f.rule())).map(Verdict.Finding::rule)
                    .distinct().toList();
            if (dlqRules.isEmpty()) { // no rule failed: the adapter itself marked it BAD
                found.add(0, ADAPTER_BAD);
                dlqRules = List.of(ADAPTER_BAD.rule());
            }
        }
        headers.add(QUALITY_HEADER, QUALITY_BYTES.get(v.quality()));
        if (!found.isEmpty()) {
            headers.add(FINDINGS_HEADER, bytes(findings(found)));
        }
        if (v.bad()) {
            headers.add(RAW_QUALITY_HEADER, bytes(m.quality().name()));
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        // a reading the checks left as it was keeps its bytes (any schema version: every reader decodes them all)
        byte[] value = v.measurement() == m ? r.value() : MeasurementAvro.encode(v.measurement());
        out.add(new ProducerRecord<>(v.bad() ? to[1] : to[0], null, r.key(), value, headers));
        List<String> alerted = new ArrayList<>();
        for (Measurement alarm : alerts.alarms(v)) {
            RecordHeaders h = new RecordHeaders();
            h.add(QUALITY_HEADER, bytes(alarm.quality().name()));
            out.add(new ProducerRecord<>(StreamTopics.ALARMS_RAW, null, alarm.assetId(), MeasurementAvro.encode(alarm),
                    h));
            alerted.add(alarm.metadata().get(AlertGate.RULE_KEY));
        }
        double latency = Duration.between(m.timestamps().gatewayTime(), clock.instant()).toNanos() / 1e9;
        return new Routed(r.topic(), out, dlqRules, alerted, Math.max(0, latency));
    }

    /** The {@value #QUALITY_HEADER} values (a header's bytes are not copied by Kafka: shared, never written to). */
    private static final Map<io.arcnode.api.telemetry.Quality, byte[]> QUALITY_BYTES = java.util.Arrays.stream(
            io.arcnode.api.telemetry.Quality.values()).collect(java.util.stream.Collectors.toUnmodifiableMap(
                    q -> q, q -> bytes(q.name())));

    /** The finding of a DLQ record that no rule failed: the adapter gave it as BAD. */
    static final Verdict.Finding ADAPTER_BAD = new Verdict.Finding("adapter", "the adapter marked the reading BAD");

    /** The rules whose finding makes a reading BAD. */
    static final Set<String> BAD_RULES = Set.of("finite", "range", "duplicate");

    /** @return {@code rule: reason} lines */
    static String findings(List<Verdict.Finding> findings) {
        return findings.stream().map(f -> f.rule() + ": " + f.reason()).collect(Collectors.joining("\n"));
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Long> lag() {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong behind = consumer.currentLag(tp);
            if (behind.isPresent()) {
                lag.merge(tp.topic(), behind.getAsLong(), Long::sum);
            }
        }
        return lag;
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

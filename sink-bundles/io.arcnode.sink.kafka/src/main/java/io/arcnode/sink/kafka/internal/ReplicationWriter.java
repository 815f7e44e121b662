package io.arcnode.sink.kafka.internal;

import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkWriter;
import io.arcnode.stream.api.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicates local records to the target cluster, exactly once: each batch's records <em>and</em> the source
 * offsets reached go to the target in one transaction of a transactional producer; the offsets into the compacted
 * topic {@link KafkaSinkSettings#offsetsTopic()} (key {@code <topic>/<partition>}, value the next source offset as
 * decimal text). On (re)connecting the writer fences any earlier producer of the gateway ({@code initTransactions}
 * aborts its open transaction) and reads that topic; a record below the replicated offset of its partition was
 * already committed in the target and is skipped. So a batch written again (after a crash before the local commit,
 * a rebalance, a reset of the group's offsets) adds nothing. A consumer of the target must read with
 * {@code isolation.level=read_committed} to see each record once.
 *
 * <p>Every failure ends the producer (next write: reconnect, fence, reread the offsets) and is retryable, except a
 * record the target refuses as too large: permanent, so the loop dead-letters that record.
 */
final class ReplicationWriter implements SinkWriter<ConsumerRecord<String, byte[]>> {

    /** Header: the gateway that replicated the record. */
    static final String GATEWAY_HEADER = "arcnode.source.gateway";
    /** Header: the local topic. */
    static final String TOPIC_HEADER = "arcnode.source.topic";
    /** Header: the local partition (decimal). */
    static final String PARTITION_HEADER = "arcnode.source.partition";
    /** Header: the local offset (decimal). */
    static final String OFFSET_HEADER = "arcnode.source.offset";

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationWriter.class);
    private static final int LINGER_MS = 5;

    private final KafkaSinkSettings settings;
    private Producer<String, byte[]> producer;
    /** Next source offset to replicate, per source partition; as committed in the target. */
    private Map<TopicPartition, Long> replicated;
    private final AtomicLong skipped;

    /** @param skipped counts the records skipped because the target already holds them */
    ReplicationWriter(KafkaSinkSettings settings, AtomicLong skipped) {
        this.settings = settings;
        this.skipped = skipped;
    }

    @Override
    public void write(List<ConsumerRecord<String, byte[]>> batch) throws SinkException {
        try {
            if (producer == null) {
                connect();
            }
            List<ConsumerRecord<String, byte[]>> todo = new ArrayList<>();
            Map<TopicPartition, Long> next = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> r : batch) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < replicated.getOrDefault(tp, -1L) || r.offset() < next.getOrDefault(tp, -1L)) {
                    skipped.incrementAndGet();
                    continue;
                }
                todo.add(r);
                next.put(tp, r.offset() + 1);
            }
            if (todo.isEmpty()) {
                return;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try {
                producer.beginTransaction();
                for (ConsumerRecord<String, byte[]> r : todo) {
                    acks.add(send(replica(r)));
                }
                for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                    acks.add(send(new ProducerRecord<>(settings.offsetsTopic(), key(e.getKey()),
                            Long.toString(e.getValue()).getBytes(StandardCharsets.UTF_8))));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                throw sendFailure(acks, e);
            }
            replicated.putAll(next);
        } catch (KafkaException | InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reset();
            if (e instanceof RecordTooLargeException) {
                throw SinkException.permanent("target refuses the record: " + e.getMessage(), e);
            }
            throw SinkException.retryable("target " + settings.bootstrap() + ": " + e, e);
        }
    }

    /**
     * Sends one record; a send that failed at once (the producer reports a metadata timeout or a too large record
     * through the future, after blocking up to {@code max.block.ms}) ends the batch here, so a target that is gone
     * costs one timeout per write, not one per record.
     */
    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        Future<RecordMetadata> f = producer.send(record);
        if (f.isDone()) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted", e);
            }
        }
        return f;
    }

    /**
     * @return a record the target refuses as too large (the real reason of an aborted transaction, also when a
     *         later send or the commit reported only "previous request failed"), else {@code e}
     */
    private static KafkaException sendFailure(List<Future<RecordMetadata>> acks, KafkaException e) {
        if (e instanceof RecordTooLargeException) {
            return e;
        }
        for (Future<RecordMetadata> f : acks) {
            if (f.isDone()) {
                try {
                    f.get(0, TimeUnit.MILLISECONDS);
                } catch (ExecutionException x) {
                    if (x.getCause() instanceof RecordTooLargeException k) {
                        return k;
                    }
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return e;
                } catch (java.util.concurrent.TimeoutException | RuntimeException x) {
                    // not finished or cancelled: not the reason
                }
            }
        }
        return e;
    }

    /** The local record as it goes to the target: same key, value, timestamp and headers, plus provenance. */
    ProducerRecord<String, byte[]> replica(ConsumerRecord<String, byte[]> r) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        headers.add(GATEWAY_HEADER, bytes(settings.gatewayId()));
        headers.add(TOPIC_HEADER, bytes(r.topic()));
        headers.add(PARTITION_HEADER, bytes(Integer.toString(r.partition())));
        headers.add(OFFSET_HEADER, bytes(Long.toString(r.offset())));
        Long timestamp = r.timestamp() < 0 ? null : Long.valueOf(r.timestamp());
        return new ProducerRecord<>(settings.targetTopic(r.topic()), null, timestamp, r.key(), r.value(), headers);
    }

    private void connect() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        ensureTopics();
        Map<String, Object> p = clientConfig();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs() + LINGER_MS);
        Producer<String, byte[]> created = KafkaClients.create(
                () -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        try {
            created.initTransactions(); // fences an earlier instance and aborts its open transaction
            replicated = readOffsets();
        } catch (KafkaException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
        LOG.info("sink kafka: connected to {}, {} source partition(s) replicated before", settings.bootstrap(),
                replicated.size());
    }

    /** Creates the offsets topic (compacted, one partition) and missing target topics (broker defaults). */
    private void ensureTopics() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<String, Object> a = clientConfig();
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-admin");
        Admin admin = KafkaClients.create(() -> Admin.create(a));
        try {
            Set<String> wanted = new TreeSet<>();
            settings.topics().forEach(t -> wanted.add(settings.targetTopic(t)));
            Set<String> existing = admin.listTopics().names().get(timeoutMs(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(settings.offsetsTopic())) {
                missing.add(new NewTopic(settings.offsetsTopic(), Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            for (String t : wanted) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, Optional.empty(), Optional.empty()));
                }
            }
            for (NewTopic t : missing) {
                try {
                    admin.createTopics(List.of(t)).all().get(timeoutMs(), TimeUnit.MILLISECONDS);
                    LOG.info("sink kafka: created topic {} in the target", t.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } finally {
            admin.close(settings.timeout()); // bounded: the target may be gone
        }
    }

    /** @return the replicated offsets, read to the end (of the committed transactions) of the offsets topic */
    private Map<TopicPartition, Long> readOffsets() {
        Map<String, Object> c = clientConfig();
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-offsets");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs());
        Map<TopicPartition, Long> out = new HashMap<>();
        KafkaConsumer<String, byte[]> consumer = KafkaClients.create(() -> new KafkaConsumer<>(c,
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer()));
        try {
            List<TopicPartition> parts = consumer.partitionsFor(settings.offsetsTopic(), settings.timeout()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (parts.isEmpty()) {
                throw new KafkaException("offsets topic " + settings.offsetsTopic() + " has no partitions");
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, settings.timeout());
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp, settings.timeout()) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("offsets topic "
                            + settings.offsetsTopic() + " not read within " + settings.timeout());
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = parse(r.key());
                    if (tp != null && r.value() != null) {
                        out.put(tp, Long.parseLong(new String(r.value(), StandardCharsets.UTF_8).strip()));
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new KafkaException("offsets topic " + settings.offsetsTopic() + " holds a value that is no offset: "
                    + e.getMessage(), e);
        } finally {
            consumer.close(settings.timeout());
        }
        return out;
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> c = new HashMap<>(settings.properties());
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        c.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs());
        c.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs());
        return c;
    }

    private int timeoutMs() {
        return (int) settings.timeout().toMillis();
    }

    /** @return the offsets topic's key of a source partition, {@code <topic>/<partition>} */
    static String key(TopicPartition tp) {
        return tp.topic() + "/" + tp.partition();
    }

    /** @return the source partition of an offsets topic key; {@code null} if it is none */
    static TopicPartition parse(String key) {
        int at = key == null ? -1 : key.lastIndexOf('/');
        if (at <= 0) {
            return null;
        }
        try {
            return new TopicPartition(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void reset() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("sink kafka: closing the target producer: {}", e.toString());
            }
            producer = null;
        }
        replicated = null;
    }

    @Override
    public void close() {
        reset();
    }
}

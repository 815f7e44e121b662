package io.arcnode.gateway.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.UtcMillis;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The DLQ workflow of spec 004 on {@code dlq.telemetry} and {@code dlq.events}: list the records, approve one or a
 * batch (sent on to {@code .clean} as they are), or judge every not yet reprocessed record again with new rules
 * (those no longer BAD go to {@code .clean}, the others stay).
 * <p>
 * <b>Exactly once.</b> Every record sent on is written to the compacted ledger topic {@value #LEDGER_TOPIC} (key: the
 * record id {@code topic/partition/offset}) in the same Kafka transaction as its {@code .clean} record, with a
 * {@code transactional.id} stable per gateway; a crash before the commit leaves neither (the next producer with that
 * id aborts the open transaction), a crash after it leaves both. At start the service completes or aborts what the
 * previous one left ({@code initTransactions}), then reads the ledger and the DLQ topics to their ends
 * ({@code read_committed}); a record in the ledger is never sent again (approve answers "already reprocessed").
 * One service per gateway; the methods are serialized.
 */
public final class DlqService implements AutoCloseable {

    /** The ledger of the DLQ records sent on to {@code .clean}: compacted, key = record id. */
    public static final String LEDGER_TOPIC = "dlq.reprocessed";
    /** Header of a {@code .clean} record that came from the DLQ: the DLQ record's id. */
    public static final String SOURCE_HEADER = "arcnode.dlq.source";
    /** Header: who approved or reprocessed it (as given to the API; absent when not given). */
    public static final String BY_HEADER = "arcnode.dlq.by";
    /** Header: when it was approved or reprocessed (UTC, ms). */
    public static final String AT_HEADER = "arcnode.dlq.at";
    /** The {@value ValidatorStage#QUALITY_HEADER} of an approved record. */
    public static final String APPROVED = "APPROVED";
    /** Records per transaction. */
    static final int CHUNK = 500;

    private static final Map<String, String> CLEAN = Map.of(StreamTopics.DLQ_TELEMETRY, StreamTopics.TELEMETRY_CLEAN,
            StreamTopics.DLQ_EVENTS, StreamTopics.EVENTS_CLEAN);

    /** The broker cannot be used right now (the API answers 503); a new service is needed. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One DLQ record.
     *
     * @param id          {@code topic/partition/offset}
     * @param measurement the decoded measurement, or {@code null} when the value is not one
     * @param quality     its {@value ValidatorStage#QUALITY_HEADER} header
     * @param rawQuality  the adapter's quality ({@value ValidatorStage#RAW_QUALITY_HEADER}), {@code null} if absent
     */
    public record Entry(String id, String topic, int partition, long offset, String key, Instant timestamp,
            byte[] value, Measurement measurement, String quality, Quality rawQuality, List<Verdict.Finding> findings) {
    }

    /**
     * A ledger entry: the DLQ record went on to {@code to}.
     *
     * @param action {@code approved} or {@code reprocessed}
     * @param quality the quality header it was sent with
     */
    public record Done(String id, String action, String to, String quality, String by, Instant at) {
    }

    /** A record and its ledger entry ({@code null}: still in the DLQ only). */
    public record View(Entry entry, Done done) {
    }

    /** What to list or approve: {@code null} fields match everything. */
    public record Filter(String topic, String asset, String rule, Boolean reprocessed) {
        /** @return whether {@code v} is selected */
        public boolean matches(View v) {
            Entry e = v.entry();
            return (topic == null || topic.equals(e.topic()))
                    && (asset == null || e.measurement() != null && asset.equals(e.measurement().assetId())
                            || asset != null && e.measurement() == null && asset.equals(e.key()))
                    && (rule == null || e.findings().stream().anyMatch(f -> f.rule().equals(rule)))
                    && (reprocessed == null || reprocessed == (v.done() != null));
        }
    }

    /** One page of the listing; {@code total} counts every match. */
    public record Page(int total, List<View> items) {
    }

    /** A record reprocessing left in the DLQ, with the findings that keep it there. */
    public record StillBad(String id, List<Verdict.Finding> findings) {
    }

    /**
     * What an approval or a reprocessing did.
     *
     * @param sent     ids now on {@code .clean}
     * @param skipped  ids already reprocessed before (nothing sent)
     * @param notFound ids that are no DLQ record
     * @param refused  id -> why it cannot be approved (not a measurement)
     * @param stillBad records reprocessing found BAD again
     */
    public record Outcome(List<String> sent, List<String> skipped, List<String> notFound, Map<String, String> refused,
            List<StillBad> stillBad) {
    }

    private record Pending(Entry entry, ProducerRecord<String, byte[]> clean, Done done) {
    }

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final StageListener listener;
    private final Duration readTimeout;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Done> done = new LinkedHashMap<>();
    private List<TopicPartition> partitions = List.of();
    private boolean broken;

    /**
     * @param consumer    a consumer without group ({@code read_committed}); the service assigns it the DLQ topics
     *                    and the ledger
     * @param producer    a transactional producer, {@code transactional.id} stable per gateway and not the stage's
     * @param clock       the time of approvals
     * @param listener    told about every record sent on
     * @param readTimeout how long reading the topics to their ends may take
     */
    public DlqService(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Clock clock,
            StageListener listener, Duration readTimeout) {
        this.consumer = consumer;
        this.producer = producer;
        this.clock = clock;
        this.listener = listener;
        this.readTimeout = readTimeout;
    }

    /** Creates the ledger topic (compacted, broker defaults for partitions and replicas) when it is missing. */
    public static void createLedger(Admin admin) {
        NewTopic topic = new NewTopic(LEDGER_TOPIC, Optional.empty(), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact"));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new Unavailable("cannot create " + LEDGER_TOPIC + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted creating " + LEDGER_TOPIC, e);
        }
    }

    /** Finishes what a previous service left open, then reads the ledger and the DLQ topics. */
    public synchronized void start() {
        try {
            producer.initTransactions();
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : List.of(StreamTopics.DLQ_TELEMETRY, StreamTopics.DLQ_EVENTS, LEDGER_TOPIC)) {
                consumer.partitionsFor(t).forEach(p -> parts.add(new TopicPartition(t, p.partition())));
            }
            partitions = List.copyOf(parts);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            catchUp();
        } catch (KafkaException e) {
            broken = true;
            throw new Unavailable("DLQ not readable: " + e, e);
        }
    }

    /** @return whether the service failed and must be replaced */
    public synchronized boolean broken() {
        return broken;
    }

    /** @return the records matching {@code filter}, from {@code offset}, at most {@code limit} */
    public synchronized Page list(Filter filter, int offset, int limit) {
        refresh();
        List<View> all = views().stream().filter(filter::matches).toList();
        int from = Math.min(offset, all.size());
        return new Page(all.size(), all.subList(from, Math.min(all.size(), from + limit)));
    }

    /** @return the record {@code id} with its ledger entry */
    public synchronized Optional<View> get(String id) {
        refresh();
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(new View(e, done.get(id)));
    }

    /** Sends the records {@code ids} on to {@code .clean} as they are (quality header {@value #APPROVED}). */
    public synchronized Outcome approve(List<String> ids, String by) {
        refresh();
        List<String> skipped = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<Pending> pending = new ArrayList<>();
        Instant at = clock.instant();
        for (String id : ids.stream().distinct().toList()) {
            Entry e = entries.get(id);
            if (e == null) {
                notFound.add(id);
            } else if (done.containsKey(id)) {
                skipped.add(id);
            } else if (e.measurement() == null) {
                refused.put(id, "not a measurement (" + e.findings().stream().map(Verdict.Finding::reason)
                        .findFirst().orElse("undecodable") + "): it cannot go to " + CLEAN.get(e.topic()));
            } else {
                RecordHeaders h = new RecordHeaders();
                h.add(ValidatorStage.QUALITY_HEADER, bytes(APPROVED));
                findings(e.findings()).ifPresent(f -> h.add(ValidatorStage.FINDINGS_HEADER, bytes(f)));
                pending.add(pending(e, e.value(), h, "approved", APPROVED, by, at));
            }
        }
        List<String> sent = send(pending);
        return new Outcome(sent, skipped, notFound, refused, List.of());
    }

    /** Approves every not yet reprocessed record that {@code filter} selects. */
    public synchronized Outcome approve(Filter filter, String by) {
        refresh();
        return approve(views().stream().filter(v -> v.done() == null && filter.matches(v))
                .map(v -> v.entry().id()).toList(), by);
    }

    /**
     * Judges every not yet reprocessed record again with {@code rules}, by the checks of one reading alone
     * ({@link Validator#validateAlone}) from the adapter's quality: GOOD, SUSPECT and UNCERTAIN go to
     * {@code .clean} (re-encoded with that quality and the new findings), BAD ones stay, and so do duplicates
     * and records that are not a measurement (no rule change makes them valid).
     */
    public synchronized Outcome reprocess(List<Rule> rules, String by) {
        refresh();
        Validator validator = new Validator(rules);
        Instant at = clock.instant();
        List<Pending> pending = new ArrayList<>();
        List<StillBad> stillBad = new ArrayList<>();
        for (View v : views()) {
            Entry e = v.entry();
            if (v.done() != null) {
                continue;
            }
            List<Verdict.Finding> kept = e.findings().stream()
                    .filter(f -> f.rule().equals("duplicate") || f.rule().equals("schema")).toList();
            if (e.measurement() == null || !kept.isEmpty()) {
                stillBad.add(new StillBad(e.id(), kept.isEmpty() ? e.findings() : kept));
                continue;
            }
            Measurement m = e.measurement();
            Quality raw = e.rawQuality() == null ? Quality.GOOD : e.rawQuality();
            Verdict verdict = validator.validateAlone(new Measurement(m.assetId(), m.parameter(), m.value(), m.unit(),
                    raw, m.classification(), m.timestamps(), m.metadata()));
            if (verdict.bad()) {
                List<Verdict.Finding> why = new ArrayList<>(verdict.findings());
                if (why.stream().noneMatch(f -> ValidatorStage.BAD_RULES.contains(f.rule()))) {
                    why.add(0, ValidatorStage.ADAPTER_BAD);
                }
                stillBad.add(new StillBad(e.id(), why));
                continue;
            }
            RecordHeaders h = new RecordHeaders();
            h.add(ValidatorStage.QUALITY_HEADER, bytes(verdict.quality().name()));
            findings(verdict.findings()).ifPresent(f -> h.add(ValidatorStage.FINDINGS_HEADER, bytes(f)));
            pending.add(pending(e, MeasurementAvro.encode(verdict.measurement()), h, "reprocessed",
                    verdict.quality().name(), by, at));
        }
        List<String> sent = send(pending);
        return new Outcome(sent, List.of(), List.of(), Map.of(), stillBad);
    }

    private Pending pending(Entry e, byte[] value, RecordHeaders h, String action, String quality, String by,
            Instant at) {
        h.add(SOURCE_HEADER, bytes(e.id()));
        if (by != null) {
            h.add(BY_HEADER, bytes(by));
        }
        h.add(AT_HEADER, bytes(UtcMillis.format(at)));
        String to = CLEAN.get(e.topic());
        return new Pending(e, new ProducerRecord<>(to, null, e.key(), value, h),
                new Done(e.id(), action, to, quality, by, at));
    }

    /** @return the ids sent; each chunk of {@value #CHUNK} is one transaction with its ledger entries */
    private List<String> send(List<Pending> pending) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += CHUNK) {
            List<Pending> chunk = pending.subList(i, Math.min(pending.size(), i + CHUNK));
            try {
                producer.beginTransaction();
                for (Pending p : chunk) {
                    producer.send(p.clean());
                    producer.send(new ProducerRecord<>(LEDGER_TOPIC, p.entry().id(), ledgerValue(p.done())));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                try {
                    producer.abortTransaction();
                } catch (KafkaException | IllegalStateException ignored) {
                    // fenced or closed: the transaction is aborted by the next producer with this transactional.id
                }
                broken = true;
                throw new Unavailable("sent " + sent.size() + " of " + pending.size() + " record(s), then the"
                        + " transaction was aborted (" + e + "); the rest is still in the DLQ", e);
            }
            for (Pending p : chunk) {
                done.put(p.entry().id(), p.done());
                sent.add(p.entry().id());
                listener.produced(p.done().to(), p.done().quality());
                listener.reprocessed(p.done().action());
            }
        }
        return sent;
    }

    private List<View> views() {
        return entries.values().stream().map(e -> new View(e, done.get(e.id()))).toList();
    }

    private void refresh() {
        if (broken) {
            throw new Unavailable("the DLQ service failed before; it is started again", null);
        }
        try {
            catchUp();
        } catch (KafkaException e) {
            broken = true;
            throw new Unavailable("DLQ not readable: " + e, e);
        }
    }

    /** Reads the assigned topics up to their current ends. */
    private void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + readTimeout.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new Unavailable("the DLQ topics were not read to their ends within " + readTimeout, null);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                absorb(r);
            }
        }
    }

    private void absorb(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(LEDGER_TOPIC)) {
            if (r.value() == null) {
                done.remove(r.key());
            } else {
                done.put(r.key(), parseLedger(r.key(), r.value()));
            }
            return;
        }
        String id = r.topic() + "/" + r.partition() + "/" + r.offset();
        Measurement m;
        try {
            m = MeasurementAvro.decode(r.value());
        } catch (RuntimeException e) {
            m = null;
        }
        String raw = header(r.headers(), ValidatorStage.RAW_QUALITY_HEADER);
        Quality rawQuality = null;
        if (raw != null) {
            try {
                rawQuality = Quality.valueOf(raw);
            } catch (IllegalArgumentException e) {
                rawQuality = null;
            }
        }
        entries.put(id, new Entry(id, r.topic(), r.partition(), r.offset(), r.key(),
                Instant.ofEpochMilli(r.timestamp()), r.value(), m, header(r.headers(), ValidatorStage.QUALITY_HEADER),
                rawQuality, parseFindings(header(r.headers(), ValidatorStage.FINDINGS_HEADER))));
    }

    /** @return the findings of a {@code rule: reason} per line header */
    static List<Verdict.Finding> parseFindings(String header) {
        List<Verdict.Finding> out = new ArrayList<>();
        if (header == null || header.isEmpty()) {
            return out;
        }
        for (String line : header.split("\n")) {
            int colon = line.indexOf(": ");
            out.add(colon < 0 ? new Verdict.Finding(line, "") : new Verdict.Finding(line.substring(0, colon),
                    line.substring(colon + 2)));
        }
        return out;
    }

    static byte[] ledgerValue(Done d) {
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        o.put("id", d.id());
        o.put("action", d.action());
        o.put("to", d.to());
        o.put("quality", d.quality());
        o.put("by", d.by());
        o.put("at", UtcMillis.format(d.at()));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Done parseLedger(String key, byte[] value) {
        try {
            JsonNode n = ArcnodeJson.mapper().readTree(value);
            return new Done(key, n.path("action").asText(), n.path("to").asText(), n.path("quality").asText(),
                    n.path("by").isNull() ? null : n.path("by").asText(null), UtcMillis.parse(n.path("at").asText()));
        } catch (IOException | RuntimeException e) {
            // an entry we cannot read still means "sent": never send the record again
            return new Done(key, "unknown", "", "", null, Instant.EPOCH);
        }
    }

    private static Optional<String> findings(List<Verdict.Finding> findings) {
        return findings.isEmpty() ? Optional.empty() : Optional.of(ValidatorStage.findings(findings));
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
        producer.close();
    }
}

package io.arcnode.sink.jdbc.internal;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.aggregator.internal.AggregatorSettings;
import io.arcnode.gateway.aggregator.internal.AggregatorStage;
import io.arcnode.gateway.aggregator.internal.AggregatorStats;
import io.arcnode.gateway.aggregator.internal.Resolution;
import io.arcnode.gateway.validator.internal.Validator;
import io.arcnode.gateway.validator.internal.ValidatorStage;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.api.SinkWriter;
import io.arcnode.sink.itest.PostgresServer;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import io.arcnode.stream.internal.LocalStream;
import io.arcnode.stream.internal.StreamSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark of issue 5 (run by {@code releng/bench/pipeline.sh}; prints figures, never passes or fails): the
 * gateway's processing chain in one JVM as in the gateway, broker included: readings published through the real
 * {@link LocalStream} to {@code telemetry.raw} at a fixed rate, the {@link ValidatorStage} (default rules) to
 * {@code telemetry.clean}, the {@link AggregatorStage} (1 s, 1 min, 1 h) and the JDBC sink ({@link SinkLoop} +
 * {@link JdbcTelemetryWriter}) into a real PostgreSQL (own process, Maven Central binaries). Per rate, over a window
 * after a warm-up: readings published per second, rows committed per second, 1 s / 1 min windows out, sink lag at
 * the end, latency {@code gateway_time} -> row committed (p50/p99, every row), CPU (cores) and RSS of this JVM and of
 * the PostgreSQL processes.
 */
public final class PipelineBench {

    private static final int ASSETS = 100;

    /** Every committed row's latency, ms buckets up to 120 s. */
    static final class Latency {
        final AtomicLongArray ms = new AtomicLongArray(120_001);

        void add(long millis) {
            ms.incrementAndGet((int) Math.max(0, Math.min(millis, 120_000)));
        }

        long percentile(double p) {
            long total = 0;
            for (int i = 0; i < ms.length(); i++) {
                total += ms.get(i);
            }
            long rank = (long) Math.ceil(total * p);
            long seen = 0;
            for (int i = 0; i < ms.length(); i++) {
                seen += ms.get(i);
                if (seen >= rank && total > 0) {
                    return i;
                }
            }
            return -1;
        }

        void reset() {
            for (int i = 0; i < ms.length(); i++) {
                ms.set(i, 0);
            }
        }
    }

    /** The JDBC writer, timing each row from its gateway time to the commit of its batch. */
    static final class Timed implements SinkWriter<Measurement> {
        final SinkWriter<Measurement> inner;
        final Latency latency;
        final AtomicLong rows;

        Timed(SinkWriter<Measurement> inner, Latency latency, AtomicLong rows) {
            this.inner = inner;
            this.latency = latency;
            this.rows = rows;
        }

        @Override
        public void write(List<Measurement> batch) throws SinkException {
            inner.write(batch);
            long now = System.currentTimeMillis();
            for (Measurement m : batch) {
                latency.add(now - m.timestamps().gatewayTime().toEpochMilli());
            }
            rows.addAndGet(batch.size());
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** The stage a thread belongs to, for the CPU split: its name's prefix, the rest is the broker and the JVM. */
    static String stageOf(String thread) {
        if (thread.startsWith("bench-generator")) {
            return "adapter";
        }
        if (thread.startsWith("arcnode-stream") || thread.contains("arcnode-stream-producer")) {
            return "stream";
        }
        if (thread.contains("validator")) {
            return "validator";
        }
        if (thread.contains("aggregator")) {
            return "aggregator";
        }
        if (thread.contains("sink")) {
            return "sink";
        }
        return "broker+jvm";
    }

    static final List<String> STAGES = List.of("adapter", "stream", "validator", "aggregator", "sink", "broker+jvm");

    /** @return CPU ns per stage of the live threads (threads that ended meanwhile are missed: none end here) */
    static Map<String, Long> stageCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long ns = mx.getThreadCpuTime(info.getThreadId());
                if (ns > 0) {
                    cpu.merge(stageOf(info.getThreadName()), ns, Long::sum);
                }
            }
        }
        return cpu;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = Stream.of((args.length > 0 ? args[0] : "10000,50000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long clkTck = args.length > 3 ? Long.parseLong(args[3]) : 100;
        Path dir = Files.createTempDirectory("arcnode-pipeline-bench");
        // PostgreSQL runs as an unprivileged user when we are root: it must reach its folder below this one
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        String bootstrap = "127.0.0.1:" + freePort();
        System.out.printf("pipeline benchmark: %d assets, rates %s points/s, warm-up %d s, window %d s, %d cores%n",
                ASSETS, rates, warmup, window, Runtime.getRuntime().availableProcessors());
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), bootstrap);
                LocalStream stream = new LocalStream(new StreamSettings(bootstrap, true, 12, (short) 1, 5, 65536,
                        200_000), Map.of());
                PostgresServer pg = PostgresServer.start(dir.resolve("pg"));
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!stream.topicsReady()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not ready");
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            ValidatorStage validator = new ValidatorStage(consumer(bootstrap, ValidatorStage.GROUP),
                    txProducer(bootstrap, "bench-validator"), new Validator(List.of()), Clock.systemUTC(),
                    new io.arcnode.gateway.validator.internal.ValidatorMetrics(
                            new io.prometheus.metrics.model.registry.PrometheusRegistry()));
            AggregatorStats aggStats = new AggregatorStats(Clock.systemUTC());
            AggregatorStage aggregator = new AggregatorStage(consumer(bootstrap, AggregatorStage.GROUP),
                    txProducer(bootstrap, "bench-aggregator"),
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)), (short) 1,
                    AggregatorSettings.DEFAULTS, aggStats, Clock.systemUTC());
            Latency latency = new Latency();
            AtomicLong rows = new AtomicLong();
            // -Dbench.db=h2: the gateway's default database at the local and demo stages, an H2 file in this JVM
            boolean h2 = "h2".equals(System.getProperty("bench.db"));
            JdbcTarget target = h2
                    ? new JdbcTarget("jdbc:h2:file:" + dir.resolve("h2").resolve("telemetry") + ";DB_CLOSE_ON_EXIT=FALSE", null, null,
                            "telemetry")
                    : new JdbcTarget(pg.url(), "postgres", null, "telemetry");
            System.out.println("database: " + (h2 ? "H2 file in the benchmark's JVM" : "PostgreSQL, own processes"));
            Map<String, Object> dp = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            KafkaProducer<String, byte[]> dlq = new KafkaProducer<>(dp, new StringSerializer(),
                    new ByteArraySerializer());
            Map<String, Object> sc = SinkLoop.consumerConfig(bootstrap, "bench-sink-jdbc", 5000);
            SinkLoop<Measurement> sink = new SinkLoop<>("jdbc",
                    () -> new KafkaConsumer<>(sc, new StringDeserializer(), new ByteArrayDeserializer()),
                    List.of(StreamTopics.TELEMETRY_CLEAN), r -> MeasurementAvro.decode(r.value()),
                    () -> new Timed(new JdbcTelemetryWriter(target, kind -> { }), latency, rows),
                    new KafkaDeadLetters(dlq, "jdbc"), new CircuitBreaker(Clock.systemUTC()), null);
            Thread vt = new Thread(validator, "bench-validator");
            Thread at = new Thread(aggregator, "bench-aggregator");
            vt.start();
            at.start();
            sink.start();

            System.out.printf("%-10s %12s %12s %10s %10s %12s %9s %9s %9s %9s %9s %9s %9s %7s%n", "rate", "published/s",
                    "rows/s", "1s win/s", "1min win", "lag end", "p50 ms", "p99 ms", "jvm cpu", "jvm MiB",
                    "pg cpu", "pg MiB", "raw lag", "dlq");
            for (int rate : rates) {
                Generator g = new Generator(stream, rate);
                Thread gt = new Thread(g, "bench-generator");
                gt.start();
                TimeUnit.SECONDS.sleep(warmup);
                latency.reset();
                long rows0 = rows.get();
                long pub0 = g.acked.get();
                long w1s0 = aggStats.windowsOut(Resolution.SECOND);
                long w1m0 = aggStats.windowsOut(Resolution.MINUTE);
                long cpu0 = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime();
                long pgCpu0 = pgTicks();
                long dlq0 = records(admin, StreamTopics.DLQ_TELEMETRY);
                Map<String, Long> stage0 = stageCpu();
                long t0 = System.nanoTime();
                TimeUnit.SECONDS.sleep(window);
                double secs = (System.nanoTime() - t0) / 1e9;
                long cpu1 = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime();
                long pgCpu1 = pgTicks();
                Map<String, Long> stage1 = stageCpu();
                long rowsW = rows.get() - rows0;
                long pubW = g.acked.get() - pub0;
                long w1s = aggStats.windowsOut(Resolution.SECOND) - w1s0;
                long w1m = aggStats.windowsOut(Resolution.MINUTE) - w1m0;
                long lag = lag(admin, StreamTopics.TELEMETRY_CLEAN, "bench-sink-jdbc");
                long rawLag = lag(admin, StreamTopics.TELEMETRY_RAW, ValidatorStage.GROUP);
                long dlqW = records(admin, StreamTopics.DLQ_TELEMETRY) - dlq0;
                g.stop();
                gt.join();
                System.out.printf("%-10d %12.0f %12.0f %10.0f %10d %12d %9d %9d %9.2f %9d %9.2f %9d %9d %7d%n", rate,
                        pubW / secs, rowsW / secs, w1s / secs, w1m, lag, latency.percentile(0.50),
                        latency.percentile(0.99), (cpu1 - cpu0) / 1e9 / secs, rssKb("self") / 1024,
                        (pgCpu1 - pgCpu0) / (double) clkTck / secs, pgRssKb() / 1024, rawLag, dlqW);
                StringBuilder split = new StringBuilder("           cpu cores by stage:");
                for (String st : STAGES) {
                    split.append(String.format(" %s %.2f", st,
                            (stage1.getOrDefault(st, 0L) - stage0.getOrDefault(st, 0L)) / 1e9 / secs));
                }
                System.out.println(split);
                // drain before the next rate
                long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (lag(admin, StreamTopics.TELEMETRY_CLEAN, "bench-sink-jdbc") > 0 && System.nanoTime() < drain) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
            }
            sink.close();
            validator.close();
            aggregator.close();
            vt.join(30_000);
            at.join(30_000);
            dlq.close();
        }
    }

    /**
     * Publishes {@code rate} readings per second in 10 ms steps, gateway time = now. Reading {@code k} of a pair
     * (each pair gets {@code rate / pairs} readings per second) has device time start + k pair intervals, so no two
     * readings of a pair share a device time (which the validator would send to the DLQ as duplicates) even when the
     * generator catches up after a pause.
     */
    static final class Generator implements Runnable {
        static final int PAIRS = ASSETS * 10;
        final LocalStream stream;
        final int rate;
        final AtomicLong acked = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        volatile boolean stopped;

        Generator(LocalStream stream, int rate) {
            this.stream = stream;
            this.rate = rate;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            long step = TimeUnit.MILLISECONDS.toNanos(10);
            long next = System.nanoTime();
            long sent = 0;
            long start = next;
            long startMillis = System.currentTimeMillis();
            while (!stopped) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                Instant now = Instant.now();
                while (sent < due) {
                    int asset = (int) (sent % ASSETS);
                    int param = (int) ((sent / ASSETS) % 10);
                    long k = sent / PAIRS;
                    Instant device = Instant.ofEpochMilli(startMillis + k * 1000L * PAIRS / rate);
                    Measurement m = new Measurement("asset_" + asset, "p" + param, sent % 1000 / 10.0, "unit",
                            Quality.GOOD, Classification.TELEMETRY, new Timestamps(device, now),
                            Map.of("adapter_id", "bench"));
                    stream.publish(m).whenComplete((ack, e) -> (e == null ? acked : gaps).incrementAndGet());
                    sent++;
                }
                next += step;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap, String group) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.getInteger("bench.max_poll_records", 5000));
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static KafkaProducer<String, byte[]> txProducer(String bootstrap, String id) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** @return the end offset of every partition of {@code topic} */
    static Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends(
            Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        for (var p : description.partitions()) {
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    }

    /** @return the records in {@code topic} (sum of end offsets; transaction markers included) */
    static long records(Admin admin, String topic) throws Exception {
        return ends(admin, topic).values().stream().mapToLong(i -> i.offset()).sum();
    }

    static long lag(Admin admin, String topic, String group) throws Exception {
        var end = ends(admin, topic);
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30,
                TimeUnit.SECONDS);
        long lag = 0;
        for (var e : end.entrySet()) {
            var c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** @return utime + stime of every process named postgres (clock ticks) */
    static long pgTicks() throws IOException {
        long ticks = 0;
        for (Path stat : postgresStats()) {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
        return ticks;
    }

    static long pgRssKb() throws IOException {
        long kb = 0;
        for (Path stat : postgresStats()) {
            kb += rssKb(stat.getParent().getFileName().toString());
        }
        return kb;
    }

    private static List<Path> postgresStats() throws IOException {
        List<Path> out = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                Path stat = p.resolve("stat");
                if (p.getFileName().toString().chars().allMatch(Character::isDigit) && Files.exists(stat)) {
                    try {
                        String s = Files.readString(stat);
                        if (s.contains("(postgres)")) {
                            out.add(stat);
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
        }
        return out;
    }

    static long rssKb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}

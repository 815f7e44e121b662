import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.protocol.modbus.internal.ModbusPoint;
import io.arcnode.protocol.modbus.internal.ModbusSettings;
import io.arcnode.protocol.modbus.internal.ModbusSimulator;
import io.arcnode.protocol.modbus.internal.ModbusSimulator.SimPoint;
import io.arcnode.stream.api.MeasurementAvro;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Gateway data-plane benchmark (prints figures, never passes or fails). Run by releng/bench/gateway.sh; the method
 * is described in releng/bench/README.md. In short: simulated Modbus TCP devices (ModbusSimulator, 1000 points each,
 * non-contiguous maps) on loopback, the built gateway product with its embedded broker started through bin/arcnode,
 * one DTM per case POSTed to /topology, and over a fixed window: records reaching telemetry.raw (end-offset deltas),
 * Modbus requests per poll cycle (simulator counters / cycles counted by the gateway) against the read planner's
 * minimum, CPU and RSS of the gateway JVM (/proc), and poll-to-broker-append latency (LogAppendTime of the record
 * minus its gateway_time). Then a plain KafkaProducer with the product's producer settings replays records captured
 * from telemetry.raw to a scratch topic on the same broker.
 */
public class GatewayBench {

    static final String TOPIC = "telemetry.raw";
    static final String SCRATCH = "bench.raw.producer";
    static final int POINTS_PER_DEVICE = 1000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path gatewayDir;
    static Path work;
    static int warmupS;
    static int windowS;
    static int producerS;
    static long clkTck;
    static int partitions = 12;

    // ---------------------------------------------------------------------------------------------------------
    // device maps

    /** One DTM point map. */
    record PointMapSpec(String name, int fc, int start, int count) {
        int points() {
            return fc <= 2 ? count : (count == 2 || count == 4 ? 1 : count);
        }
    }

    /**
     * A realistic, non-contiguous map of exactly {@link #POINTS_PER_DEVICE} points, deterministic per device:
     * FC4 400 float32 measurements in groups of 5-40 with 2-30 unmapped registers between groups; FC3 300 uint16
     * in blocks of 1, 3, 5-16 registers, half of them adjacent to the previous block, the others 1-20 registers
     * apart; FC3 50 uint64 energy counters in groups of 5 at 3000+; FC1 150 coils and FC2 100 discrete inputs in
     * groups of 8-32 bits with 1-50 unmapped bits between groups.
     */
    static List<PointMapSpec> deviceMap(int device) {
        Random r = new Random(1000 + device);
        List<PointMapSpec> maps = new ArrayList<>();
        // FC4 float32
        int addr = r.nextInt(10);
        int left = 400;
        int k = 0;
        while (left > 0) {
            int group = Math.min(left, 5 + r.nextInt(36));
            for (int i = 0; i < group; i++) {
                maps.add(new PointMapSpec("ai" + k++, 4, addr, 2));
                addr += 2;
            }
            left -= group;
            addr += 2 + r.nextInt(29);
        }
        // FC3 uint16 blocks (count 2 and 4 would be float32/uint64)
        int[] sizes = {1, 3, 5, 6, 7, 8, 10, 12, 16};
        addr = 0;
        left = 300;
        k = 0;
        while (left > 0) {
            int c = Math.min(left, sizes[r.nextInt(sizes.length)]);
            if (c == 2 || c == 4) {
                c = 1;
            }
            maps.add(new PointMapSpec("hr" + k++, 3, addr, c));
            addr += c;
            left -= c;
            if (r.nextBoolean()) {
                addr += 1 + r.nextInt(20);
            }
        }
        // FC3 uint64 counters
        addr = 3000;
        for (int i = 0; i < 50; i++) {
            maps.add(new PointMapSpec("energy" + i, 3, addr, 4));
            addr += 4;
            if (i % 5 == 4) {
                addr += 4 + r.nextInt(12);
            }
        }
        // FC1 coils, FC2 discrete inputs
        for (int fc = 1; fc <= 2; fc++) {
            addr = r.nextInt(16);
            left = fc == 1 ? 150 : 100;
            k = 0;
            while (left > 0) {
                int c = Math.min(left, 8 + r.nextInt(25));
                maps.add(new PointMapSpec((fc == 1 ? "coil" : "di") + k++, fc, addr, c));
                addr += c + 1 + r.nextInt(50);
                left -= c;
            }
        }
        int total = maps.stream().mapToInt(PointMapSpec::points).sum();
        if (total != POINTS_PER_DEVICE) {
            throw new IllegalStateException("device map has " + total + " points");
        }
        return maps;
    }

    static String uuid(int device) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", device + 1);
    }

    static String adapterId(int device) {
        return "adapter_modbus_tcp_" + uuid(device);
    }

    static String deviceJson(int device, int port, List<PointMapSpec> maps) {
        StringBuilder b = new StringBuilder();
        b.append("{\"device_uuid\":\"").append(uuid(device)).append("\",\"device_type\":\"bess_pcs\",")
                .append("\"module_id\":\"grid-1\",\"host\":\"127.0.0.1\",\"port\":").append(port)
                .append(",\"protocol_config\":{\"protocol\":\"modbus_tcp\",\"unit_id\":1,\"point_maps\":[");
        for (int i = 0; i < maps.size(); i++) {
            PointMapSpec m = maps.get(i);
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(m.name()).append("\",\"function_code\":")
                    .append(m.fc()).append(",\"start_address\":").append(m.start()).append(",\"count\":")
                    .append(m.count()).append('}');
        }
        return b.append("]},\"description\":\"bench device ").append(device).append("\"}").toString();
    }

    static String dtmJson(List<String> devices) {
        return "{\"deployment_uuid\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"ems_mode\":\"live\","
                + "\"sizing_params\":{\"P_compute_total_kW\":1200.0,\"E_BESS_total_kWh\":20000.0,"
                + "\"T_coolant_setpoint_C\":32.5},\"modules\":[{\"module_id\":\"grid-1\","
                + "\"module_type\":\"grid_container\",\"container_position\":\"B1\",\"description\":\"g1\"}],"
                + "\"devices\":[" + String.join(",", devices) + "]}";
    }

    /** A started simulated device. */
    record SimDevice(int index, ModbusSimulator sim, String json, int minRequests, List<ModbusPoint> points) {
    }

    static ModbusSettings.Polling polling(long intervalMs) {
        // the defaults of ModbusAdapterConfig; max.gap 0 as the gateway runs it
        return new ModbusSettings.Polling(Duration.ofMillis(intervalMs), Duration.ofMillis(1000), 2,
                Duration.ofMillis(1000), Duration.ofMillis(30000), Duration.ofMillis(60000), 0);
    }

    /** Settings of one DTM device (as the gateway's Modbus factory derives them): the points and the minimal plan. */
    static ModbusSettings settings(int device, int port, List<PointMapSpec> maps) {
        Dtm dtm = Dtms.parse(dtmJson(List.of(deviceJson(device, port, maps))));
        Device d = dtm.devices().get(0);
        AdapterContext ctx = new AdapterContext(adapterId(device), uuid(device), Classification.TELEMETRY, m -> {
        }, Clock.systemUTC());
        return ModbusSettings.fromDtm(ctx, d, polling(1000));
    }

    static SimDevice startDevice(int device) throws IOException {
        List<PointMapSpec> maps = deviceMap(device);
        ModbusSettings s = settings(device, 502, maps);
        List<SimPoint> points = new ArrayList<>();
        for (ModbusPoint p : s.points()) {
            points.add(SimPoint.wave(p));
        }
        ModbusSimulator sim = ModbusSimulator.start(InetAddress.getLoopbackAddress(), 0, 1, points);
        sim.tickEvery(1000);
        return new SimDevice(device, sim, deviceJson(device, sim.port(), maps), s.plan().size(), s.points());
    }

    static String fastAdapterId(int device) {
        return "adapter_bench_fast_" + device;
    }

    /**
     * The adapters file (spec 004 gateway configuration, key gateway.adapters_file) polling {@code devices} every
     * {@code intervalMs}: the same points as their DTM form, with explicit types and the same parameter names.
     * Written as JSON, which the YAML loader reads.
     */
    static String adaptersFile(List<SimDevice> devices, long intervalMs) {
        StringBuilder b = new StringBuilder("{\"adapters\":[");
        for (int i = 0; i < devices.size(); i++) {
            SimDevice d = devices.get(i);
            b.append(i == 0 ? "" : ",").append("{\"adapter_id\":\"").append(fastAdapterId(d.index()))
                    .append("\",\"adapter_type\":\"modbus_tcp\",\"asset_id\":\"").append(uuid(d.index()))
                    .append("\",\"host\":\"127.0.0.1\",\"port\":").append(d.sim().port())
                    .append(",\"unit_id\":1,\"poll_interval_ms\":").append(intervalMs).append(",\"points\":[");
            for (int k = 0; k < d.points().size(); k++) {
                ModbusPoint p = d.points().get(k);
                b.append(k == 0 ? "" : ",").append("{\"function_code\":").append(p.table().functionCode())
                        .append(",\"address\":").append(p.address()).append(",\"parameter\":\"")
                        .append(p.target().parameter()).append("\",\"type\":\"").append(p.type().key())
                        .append("\"}");
            }
            b.append("]}");
        }
        return b.append("]}\n").toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // gateway process

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String get(int port, String path) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static HttpResponse<String> post(int port, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** A running gateway product (bin/arcnode, its gateway JVM and its broker JVM). */
    static final class Gateway implements AutoCloseable {
        final Process script;
        final int httpPort;
        final String bootstrap;
        final Path data;
        ProcessHandle jvm;
        ProcessHandle broker;

        Gateway(String name, String extraCustomerYaml) throws Exception {
            data = Files.createDirectories(work.resolve(name));
            httpPort = freePort();
            bootstrap = "127.0.0.1:" + freePort();
            Path customer = Files.writeString(data.resolve("cfg.customer.yml"),
                    "stream:\n  bootstrap_servers: " + bootstrap + "\nlogging:\n  level: INFO\n" + extraCustomerYaml);
            ProcessBuilder pb = new ProcessBuilder(gatewayDir.resolve("bin/arcnode").toString(), "gateway",
                    "--env", "local", "--data", data.toString(), "--port", String.valueOf(httpPort),
                    "--customer", customer.toString())
                    .redirectErrorStream(true).redirectOutput(data.resolve("console.log").toFile());
            pb.environment().remove("ENV");
            pb.environment().remove("CFG_CUSTOMER_PATH");
            pb.environment().remove("JAVA_OPTS");
            String opts = System.getenv("GATEWAY_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                pb.environment().put("JAVA_OPTS", opts);
            }
            script = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                String body = get(httpPort, "/topology");
                if (body.contains("\"dtm_version\"") || body.contains("\"no topology\"")) {
                    break;
                }
                if (!script.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("gateway did not serve /topology (" + (script.isAlive()
                            ? "timeout" : "exit " + script.exitValue()) + "); log: " + data.resolve("console.log"));
                }
                Thread.sleep(250);
            }
            for (ProcessHandle h : script.descendants().toList()) {
                String cmd = h.info().commandLine().orElse("");
                if (cmd.contains("org.eclipse.equinox.launcher")) {
                    jvm = h;
                } else if (cmd.contains("io.arcnode.broker.EmbeddedBroker")) {
                    broker = h;
                }
            }
            if (jvm == null) {
                throw new IllegalStateException("gateway JVM not found among " + script.descendants().toList());
            }
        }

        @Override
        public void close() throws Exception {
            script.descendants().forEach(ProcessHandle::destroy);
            script.destroy();
            if (!script.waitFor(30, TimeUnit.SECONDS)) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly();
            }
        }
    }

    static final Pattern RECEIVED = Pattern.compile(
            "^arcnode_adapter_measurements_total\\{adapter_id=\"([^\"]+)\"\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

    /** @return measurements handed over per adapter id (gateway /metrics) */
    static Map<String, Double> received(int port) {
        Map<String, Double> out = new HashMap<>();
        Matcher m = RECEIVED.matcher(get(port, "/metrics"));
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /** @return utime + stime of a process in clock ticks, -1 if unreadable */
    static long cpuTicks(ProcessHandle p) {
        if (p == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return CPU ticks spent by the whole machine outside idle and iowait (/proc/stat), -1 if unreadable */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** @return VmRSS in MiB */
    static double rssMb(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------------------------------------------------
    // kafka

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    /** Waits for the gateway's topics, makes telemetry.raw stamp LogAppendTime, creates the scratch topic. */
    static void prepareTopics(String bootstrap) throws Exception {
        try (Admin a = admin(bootstrap)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                try {
                    var d = a.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS);
                    partitions = d.get(TOPIC).partitions().size();
                    break;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topic " + TOPIC + " not created by the gateway", e);
                    }
                    Thread.sleep(500);
                }
            }
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            a.incrementalAlterConfigs(Map.of(r, List.of(new AlterConfigOp(
                    new ConfigEntry("message.timestamp.type", "LogAppendTime"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            a.createTopics(List.of(new NewTopic(SCRATCH, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Producer properties of the gateway's stream (ProducerConfigs): acks=all, idempotent, zstd, linger/batch. */
    static Map<String, Object> producerProps(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        return p;
    }

    /**
     * Reads telemetry.raw from its end for as long as it runs: decodes every 4th record and keeps append-time minus
     * gateway_time for records appended inside the current window; keeps a sample of records for the producer
     * baseline.
     */
    static final class Tail implements Runnable {
        final KafkaConsumer<byte[], byte[]> consumer;
        final List<TopicPartition> tps = new ArrayList<>();
        volatile boolean running = true;
        volatile long windowFrom = Long.MAX_VALUE;
        volatile long windowTo = Long.MAX_VALUE;
        long[] lat = new long[1 << 16];
        int n;
        final List<byte[][]> sample = new ArrayList<>();
        volatile boolean sampling;
        final AtomicLong decodeErrors = new AtomicLong();
        final Thread thread = new Thread(this, "bench-tail");

        Tail(String bootstrap) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < partitions; i++) {
                tps.add(new TopicPartition(TOPIC, i));
            }
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position);
            thread.setDaemon(true);
            thread.start();
        }

        /** Starts a window at {@code from} (epoch ms), open-ended; forgets the previous samples. */
        synchronized void open(long from) {
            windowFrom = from;
            windowTo = Long.MAX_VALUE;
            n = 0;
        }

        /** Ends the window at {@code to}: records appended later are not counted. */
        synchronized void close(long to) {
            windowTo = to;
        }

        synchronized long[] latencies() {
            long[] out = Arrays.copyOf(lat, n);
            Arrays.sort(out);
            return out;
        }

        @Override
        public void run() {
            while (running) {
                Iterable<ConsumerRecord<byte[], byte[]>> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (sampling && sample.size() < 50_000) {
                        sample.add(new byte[][] {r.key(), r.value()});
                    }
                    long ts = r.timestamp();
                    if ((r.offset() & 3) != 0 || ts < windowFrom || ts > windowTo) {
                        continue;
                    }
                    try {
                        Measurement m = MeasurementAvro.decode(r.value());
                        long l = ts - m.timestamps().gatewayTime().toEpochMilli();
                        synchronized (this) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = l;
                        }
                    } catch (RuntimeException e) {
                        decodeErrors.incrementAndGet();
                    }
                }
            }
            consumer.close();
        }

        void stop() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(5000);
        }
    }

    static long endOffsets(Admin a, String topic) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> q = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            q.put(new TopicPartition(topic, i), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        long sum = 0;
        for (var e : a.listOffsets(q).all().get(30, TimeUnit.SECONDS).values()) {
            sum += e.offset();
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------------------
    // one case

    record Row(String name, int devices, long points, double pointsPerS, double handedPerS, double reqPerCycle,
            long minPerCycle,
            double cyclesPerS, double gwCores, double rssMb, double brokerCores, double driverCores, double otherCores,
            long p50,
            long p99, String note) {
    }

    static double driverCpuS() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Measures a running set of devices over the window. {@code adapterIds[i]} polls {@code devices.get(i)}. */
    static Row measure(String name, Gateway gw, Admin admin, Tail tail, List<SimDevice> devices,
            List<String> adapterIds) throws Exception {
        // steady state: every adapter delivered, then the warm-up
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Map<String, Double> r = received(gw.httpPort);
            if (adapterIds.stream().allMatch(id -> r.getOrDefault(id, 0.0) > 0)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": not every adapter delivered within 120 s");
            }
            Thread.sleep(500);
        }
        Thread.sleep(warmupS * 1000L);

        long[] req0 = devices.stream().mapToLong(d -> d.sim().requests()).toArray();
        Map<String, Double> rec0 = received(gw.httpPort);
        long off0 = endOffsets(admin, TOPIC);
        long gw0 = cpuTicks(gw.jvm);
        long br0 = cpuTicks(gw.broker);
        double drv0 = driverCpuS();
        long mach0 = machineBusyTicks();
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        tail.open(wall0);
        String jfr = System.getenv("GATEWAY_JFR");
        if (jfr != null && !jfr.isBlank()) {
            // a profile of the gateway JVM over the window, for "where does the time go"
            Path file = Path.of(jfr).toAbsolutePath().resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".jfr");
            new ProcessBuilder("jcmd", String.valueOf(gw.jvm.pid()), "JFR.start", "settings=profile",
                    "duration=" + windowS + "s", "filename=" + file).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        double rssMax = 0;
        for (int s = 0; s < windowS; s++) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, rssMb(gw.jvm));
        }
        long wall1 = System.currentTimeMillis();
        tail.close(wall1);
        // same order as at the start (requests, then the gateway's counters): both spans are shifted alike
        long[] req1 = devices.stream().mapToLong(d -> d.sim().requests()).toArray();
        Map<String, Double> rec1 = received(gw.httpPort);
        long off1 = endOffsets(admin, TOPIC);
        long gw1 = cpuTicks(gw.jvm);
        long br1 = cpuTicks(gw.broker);
        double drv1 = driverCpuS();
        long mach1 = machineBusyTicks();
        double secs = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1500); // let the tail catch up with records appended before wall1
        long[] lat = tail.latencies();

        long requests = 0;
        for (int i = 0; i < req0.length; i++) {
            requests += req1[i] - req0[i];
        }
        double received = 0;
        for (String id : adapterIds) {
            received += rec1.getOrDefault(id, 0.0) - rec0.getOrDefault(id, 0.0);
        }
        long points = (long) devices.size() * POINTS_PER_DEVICE;
        double cycles = received / points; // poll cycles of the whole set (every point of every device once)
        long min = devices.stream().mapToLong(SimDevice::minRequests).sum();
        double gwCores = (gw1 - gw0) / (double) clkTck / secs;
        double brCores = gw.broker == null ? 0 : (br1 - br0) / (double) clkTck / secs;
        double drvCores = (drv1 - drv0) / secs;
        double other = (mach1 - mach0) / (double) clkTck / secs - gwCores - brCores - drvCores;
        return new Row(name, devices.size(), points, (off1 - off0) / secs, received / secs, cycles > 0 ? requests / cycles : Double.NaN,
                min, cycles / secs, gwCores, rssMax, brCores, drvCores, Math.max(0, other), pct(lat, 0.50), pct(lat, 0.99), lat.length + " latency samples");
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Replays captured telemetry.raw records (same keys, same encoded values) as fast as the producer acks them. */
    static double[] rawProducer(String bootstrap, List<byte[][]> sample) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        double cpu0 = driverCpuS();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(producerS);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerProps(bootstrap), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            int i = 0;
            while (System.nanoTime() < end) {
                for (int k = 0; k < 1000; k++) {
                    byte[][] kv = sample.get(i++ % sample.size());
                    p.send(new ProducerRecord<>(SCRATCH, kv[0], kv[1]), (md, e) -> {
                        if (e == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                }
            }
            p.flush();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new double[] {acked.get() / secs, (driverCpuS() - cpu0) / secs, failed.get()};
    }

    // ---------------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        gatewayDir = Path.of(args[0]);
        work = Path.of(args[1]);
        int[] cases = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        warmupS = Integer.parseInt(args[3]);
        windowS = Integer.parseInt(args[4]);
        producerS = Integer.parseInt(args[5]);
        clkTck = Long.parseLong(args[6]);
        String fastNote = args.length > 7 ? args[7] : "";
        int maxDevices = Arrays.stream(cases).max().orElse(10);

        System.out.printf(Locale.ROOT, "gateway data-plane bench: %d cores (load average %s), window %d s after "
                + "%d s warm-up, %d points per device%n", Runtime.getRuntime().availableProcessors(), loadavg(), windowS,
                warmupS, POINTS_PER_DEVICE);
        List<SimDevice> sims = new ArrayList<>();
        for (int d = 0; d < maxDevices; d++) {
            sims.add(startDevice(d));
        }
        System.out.printf(Locale.ROOT, "%d simulated Modbus TCP devices on 127.0.0.1, read-plan minimum %d "
                + "requests per device cycle (device 0)%n", sims.size(), sims.get(0).minRequests());

        List<Row> rows = new ArrayList<>();
        List<byte[][]> sample;
        double[] raw;
        Gateway gw = new Gateway("gateway", "");
        try {
            System.out.printf(Locale.ROOT, "gateway up: http %d, broker %s, gateway pid %d, broker pid %s%n",
                    gw.httpPort, gw.bootstrap, gw.jvm.pid(), gw.broker == null ? "-" : gw.broker.pid());
            prepareTopics(gw.bootstrap);
            Tail tail = new Tail(gw.bootstrap);
            try (Admin admin = admin(gw.bootstrap)) {
                for (int c = 0; c < cases.length; c++) {
                    int n = cases[c];
                    List<SimDevice> set = sims.subList(0, n);
                    String dtm = dtmJson(set.stream().map(SimDevice::json).toList());
                    Dtms.parse(dtm); // the gateway's own validation, before sending
                    HttpResponse<String> resp = post(gw.httpPort, "/topology", dtm);
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("POST /topology: " + resp.statusCode() + " "
                                + resp.body().substring(0, Math.min(2000, resp.body().length())));
                    }
                    tail.sampling = c == cases.length - 1;
                    Row row = measure(String.format(Locale.ROOT, "%dk @ 1 s", n), gw, admin, tail, set,
                            set.stream().map(d -> adapterId(d.index())).toList());
                    rows.add(row);
                    System.out.printf(Locale.ROOT, "  measured %s: %.0f points/s (%s)%n", row.name(),
                            row.pointsPerS(), row.note());
                }
                // stop polling for the baseline
                HttpResponse<String> none = post(gw.httpPort, "/topology", dtmJson(List.of()));
                if (none.statusCode() != 200) {
                    System.out.println("  (empty DTM rejected: " + none.statusCode() + "; baseline runs with polling on)");
                }
                tail.sampling = false;
                tail.stop();
                sample = tail.sample;
                Thread.sleep(3000);
                if (sample.isEmpty()) {
                    throw new IllegalStateException("no telemetry.raw records captured for the producer baseline");
                }
                long bytes = sample.stream().mapToLong(kv -> kv[1].length).sum();
                System.out.printf(Locale.ROOT, "  raw producer: replaying %d captured records (mean value %.1f B, "
                        + "%d distinct keys) for %d s%n", sample.size(), bytes / (double) sample.size(),
                        sample.stream().map(kv -> new String(kv[0])).distinct().count(), producerS);
                long gb0 = cpuTicks(gw.broker);
                long t0 = System.nanoTime();
                raw = rawProducer(gw.bootstrap, sample);
                double brokerRaw = (cpuTicks(gw.broker) - gb0) / (double) clkTck / ((System.nanoTime() - t0) / 1e9);
                raw = new double[] {raw[0], raw[1], raw[2], brokerRaw};
            }
        } finally {
            gw.close();
        }
        if (fastNote.equals("fast")) {
            fastNote = "";
            List<SimDevice> set = sims.subList(0, Math.min(10, sims.size()));
            Path file = Files.writeString(Files.createDirectories(work.resolve("fast")).resolve("adapters.bench.yml"),
                    adaptersFile(set, 100));
            Gateway fast = new Gateway("gateway-fast", "gateway:\n  adapters_file: " + file + "\n");
            try {
                prepareTopics(fast.bootstrap);
                Tail tail = new Tail(fast.bootstrap);
                try (Admin admin = admin(fast.bootstrap)) {
                    Row row = measure(String.format(Locale.ROOT, "%dk @ 100 ms", set.size()), fast, admin, tail, set,
                            set.stream().map(d -> fastAdapterId(d.index())).toList());
                    rows.add(row);
                    System.out.printf(Locale.ROOT, "  measured %s: %.0f points/s (%s)%n", row.name(),
                            row.pointsPerS(), row.note());
                } finally {
                    tail.stop();
                }
            } catch (RuntimeException e) {
                fastNote = "not measured: " + e.getMessage();
            } finally {
                fast.close();
            }
        }
        for (SimDevice s : sims) {
            s.sim().close();
        }

        String fmt = "%-14s %7s %7s %12s %10s %16s %8s %8s %8s %6s %6s %6s %11s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, fmt, "case", "devices", "points", "points/s raw", "polled/s", "req/cycle (min)",
                "cycles/s", "gw cores", "gw RSS", "broker", "driver", "other", "p50/p99 ms");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, fmt, r.name(), r.devices(), r.points(),
                    String.format(Locale.ROOT, "%.0f", r.pointsPerS()),
                    String.format(Locale.ROOT, "%.0f", r.handedPerS()),
                    String.format(Locale.ROOT, "%.0f (%d)", r.reqPerCycle(), r.minPerCycle()),
                    String.format(Locale.ROOT, "%.3f", r.cyclesPerS()),
                    String.format(Locale.ROOT, "%.2f", r.gwCores()), String.format(Locale.ROOT, "%.0f MB", r.rssMb()),
                    String.format(Locale.ROOT, "%.2f", r.brokerCores()),
                    String.format(Locale.ROOT, "%.2f", r.driverCores()),
                    String.format(Locale.ROOT, "%.2f", r.otherCores()),
                    r.p50() + "/" + r.p99());
        }
        if (!fastNote.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-14s %s%n", "10k @ 100 ms", fastNote);
        }
        System.out.printf(Locale.ROOT, fmt, "raw producer", "-", "-", String.format(Locale.ROOT, "%.0f", raw[0]), "-", "-",
                "-", String.format(Locale.ROOT, "%.2f*", raw[1]), "-", String.format(Locale.ROOT, "%.2f", raw[3]), "-",
                "-", "-");
        Row best = rows.stream().max((a, b) -> Double.compare(a.pointsPerS(), b.pointsPerS())).orElseThrow();
        System.out.printf(Locale.ROOT, "%nratio gateway/raw producer (best case, %s): %.3f%n", best.name(),
                best.pointsPerS() / raw[0]);
        System.out.printf(Locale.ROOT, "goal: 100000 points/s end-to-end with <= 1 gateway core; best measured "
                + "%.0f points/s at %.2f cores (%.0f points/s per gateway core)%n", best.pointsPerS(), best.gwCores(),
                best.pointsPerS() / best.gwCores());
        System.out.println("points/s raw: records appended to telemetry.raw per second (end offsets); polled/s: "
                + "measurements the adapters handed over per second (gateway /metrics; above points/s raw: the "
                + "producer's backlog grows); req/cycle: "
                + "Modbus requests per poll cycle of all devices (simulator counters / cycles the gateway counted), "
                + "(min) the read planner's minimum; cycles/s: poll cycles per device per second; gw cores/RSS: "
                + "gateway JVM (/proc utime+stime, max VmRSS); broker, driver: CPU cores of the embedded broker and of "
                + "this driver (simulators, tail consumer); other: the rest of the machine's busy CPU (other processes: figures "
                + "are only comparable when it is near 0); p50/p99: broker append time (LogAppendTime) minus "
                + "gateway_time; * raw producer cores: this driver JVM while only the producer runs"
                + (raw[2] > 0 ? "; raw producer failures: " + (long) raw[2] : ""));
    }
}

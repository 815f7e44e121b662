package io.arcnode.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * The gateway's embedded broker: one Apache Kafka node in KRaft mode (broker and controller in one process),
 * all state under one directory. The first start formats the storage with a new cluster id and picks a free
 * loopback port for the controller listener; both are kept in the directory, so later starts reuse them.
 *
 * <p>{@code java -cp broker/lib/* io.arcnode.broker.EmbeddedBroker DIR HOST:PORT} runs until SIGTERM/SIGINT
 * (bin/arcnode gateway does this). Tests call {@link #start(Path, String)} in their own JVM.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String CLUSTER_ID_FILE = "cluster.id";
    static final String CONTROLLER_PORT_FILE = "controller.port";

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedBroker DATA_DIR HOST:PORT");
            System.exit(64);
        }
        EmbeddedBroker b = start(Path.of(args[0]), args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(b::close, "broker-shutdown"));
        System.err.println("arcnode broker: listening on " + b.bootstrap() + ", data " + args[0]);
        b.server.awaitShutdown();
    }

    /**
     * Formats {@code dir} if needed and starts the broker; returns once it is started.
     *
     * @param listen the client listener, {@code host:port}, host a loopback name or address
     */
    public static EmbeddedBroker start(Path dir, String listen) {
        try {
            Files.createDirectories(dir);
            Path config = writeConfig(dir, listen);
            Path logs = dir.resolve("kraft-logs");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(dir, config);
            }
            Properties props = new Properties();
            try (var in = Files.newInputStream(config)) {
                props.load(in);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedBroker(server, listen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker directory " + dir, e);
        }
    }

    /** @return the client bootstrap address, {@code host:port} */
    public String bootstrap() {
        return bootstrap;
    }

    /** Stops the broker and waits until it has stopped. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Writes {@code server.properties}: the whole broker configuration, regenerated on every start. */
    static Path writeConfig(Path dir, String listen) throws IOException {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("listener must be host:port, got " + listen);
        }
        String host = listen.substring(0, colon);
        int port = Integer.parseInt(listen.substring(colon + 1));
        String bindHost = host.equals("localhost") ? "127.0.0.1" : host;
        int controllerPort = Integer.parseInt(remembered(dir.resolve(CONTROLLER_PORT_FILE),
                () -> String.valueOf(freeLoopbackPort())));
        Properties p = new Properties();
        p.setProperty("node.id", "1");
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("listeners", "PLAINTEXT://" + bindHost + ":" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("log.dirs", dir.resolve("kraft-logs").toAbsolutePath().toString());
        // one node: internal topics cannot be replicated
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // overflow tiers (io.arcnode.gateway.overflow) delete old records below a log start offset: the broker frees
        // whole segments only, on its retention check, so segments roll at 64 MiB or hourly and the check runs often
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.setProperty("log.roll.hours", "1");
        p.setProperty("log.retention.check.interval.ms", "30000");
        // topics come from io.arcnode.stream (12 partitions each), never from a producer's first record
        p.setProperty("auto.create.topics.enable", "false");
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by io.arcnode.broker.EmbeddedBroker on every start; edits are overwritten");
        }
        return file;
    }

    private static void format(Path dir, Path config) {
        String clusterId = remembered(dir.resolve(CLUSTER_ID_FILE), () -> Uuid.randomUuid().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker storage failed (" + rc + "): "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** @return the content of {@code file}, first writing {@code create}'s value when it does not exist */
    private static String remembered(Path file, java.util.function.Supplier<String> create) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, create.get() + "\n");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the controller listener", e);
        }
    }
}

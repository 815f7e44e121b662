package io.arcnode.workbench.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A built headless product (gateway or platform) started by a test through its launcher, {@code bin/arcnode}, as an
 * operator starts it: on the demo stage, HTTP on a free loopback port, its own data folder and log, the Kafka broker
 * of a gateway on a free port too. The products are built before this module (pom dependency).
 */
final class Launched implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(240);

    final Process process;
    final Path log;
    final int port;
    final URI url;

    private Launched(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.url = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Starts {@code bin/arcnode <product> --env demo} of the built product named by {@code arcnode.products}. */
    static Launched start(String product) throws IOException {
        Path dir = Path.of(System.getProperty("arcnode.products")).toAbsolutePath().normalize()
                .resolve("io.arcnode." + product + "/linux/gtk/x86_64/arcnode-" + product);
        assertTrue(Files.isDirectory(dir.resolve("plugins")), "built " + product + " product missing: " + dir);
        Path data = Files.createTempDirectory("arcnode-itest-" + product);
        Path log = data.resolve(product + ".log");
        int port = freePort();
        Path customer = Files.writeString(data.resolve("cfg.customer.yml"),
                "stream:\n  bootstrap_servers: 127.0.0.1:" + freePort() + "\n");
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("bin/arcnode").toString(), product, "--env", "demo",
                "--data", data.resolve("data").toString(), "--port", Integer.toString(port), "--customer",
                customer.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("ENV");
        pb.environment().remove("CFG_CUSTOMER_PATH");
        return new Launched(pb.start(), log, port);
    }

    /** Waits until {@code condition} holds; fails with the product's log if it exits or {@link #START} passes. */
    void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + (process.isAlive() ? "timed out" : "the product exited with "
                        + process.exitValue()) + "\n" + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** Stops the product and what it started (the gateway's broker). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Starts a built headless product through its real launcher script, as an operator would. */
final class Products {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Products() {
    }

    static Path repo() {
        return Path.of(System.getProperty("arcnode.repo", "../..")).toAbsolutePath().normalize();
    }

    static Path productDir(String product) {
        Path dir = repo().resolve("products/io.arcnode.products/target/products/io.arcnode." + product
                + "/linux/gtk/x86_64/arcnode-" + product);
        assertTrue(Files.isDirectory(dir.resolve("plugins")), "built product missing: " + dir);
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code bin/arcnode} of the installed product with stdout+stderr going to {@code log}. */
    static Process start(String product, Path data, Path log, Map<String, String> env, String... args)
            throws IOException {
        Path dir = productDir(product);
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("bin/arcnode").toString(), product,
                "--data", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("ENV");
        pb.environment().remove("CFG_CUSTOMER_PATH");
        pb.environment().putAll(env);
        pb.environment().put("JAVA_OPTS", "-Darcnode.log.level=INFO");
        return pb.start();
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** @return whether something accepts TCP connections on loopback {@code port} */
    static boolean open(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A customer file that moves the gateway's stream (and its embedded broker) to a free loopback port. */
    static Path streamOnFreePort(Path dir) throws IOException {
        return streamOn(dir, freePort());
    }

    /** A customer file that moves the gateway's stream (and its embedded broker) to loopback {@code kafkaPort}. */
    static Path streamOn(Path dir, int kafkaPort) throws IOException {
        return Files.writeString(dir.resolve("cfg.customer.yml"),
                "stream:\n  bootstrap_servers: 127.0.0.1:" + kafkaPort + "\n");
    }

    /**
     * As {@link #streamOnFreePort} for a gateway on the demo stage without its SIM-mode defaults: no simulators,
     * no initial DTM, no configured adapters (a bare deploy).
     */
    static Path bareGatewayOnFreePort(Path dir) throws IOException {
        return Files.writeString(dir.resolve("cfg.customer.yml"),
                "stream:\n  bootstrap_servers: 127.0.0.1:" + freePort() + "\n"
                        + "gateway:\n  simulate: false\n  initial_dtm: null\n  adapters_file: null\n");
    }

    /** @return the {@code host:port} of the stream a customer file of {@link #streamOnFreePort} names */
    static String bootstrap(Path customer) throws IOException {
        Matcher m = Pattern.compile("bootstrap_servers: (\\S+)")
                .matcher(Files.readString(customer));
        if (!m.find()) {
            throw new IllegalArgumentException(customer + " names no bootstrap_servers");
        }
        return m.group(1);
    }

    /** @return the body of a GET, or "" when nothing answers */
    static String bodyOrEmpty(int port, String path) {
        try {
            return get(port, path).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static int statusOrZero(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Waits until {@code condition} holds; fails with the process log if the process dies or time runs out. */
    static void await(String what, Duration timeout, Path log, Process p, BooleanSupplier condition) {
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                boolean ok = condition.getAsBoolean();
                if (!ok && p != null && !p.isAlive()) {
                    fail(what + ": process exited with " + p.exitValue() + "\n" + Files.readString(log));
                }
                return ok;
            });
        } catch (ConditionTimeoutException e) {
            fail("timed out waiting for " + what + "\n" + readQuietly(log));
        }
    }

    static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

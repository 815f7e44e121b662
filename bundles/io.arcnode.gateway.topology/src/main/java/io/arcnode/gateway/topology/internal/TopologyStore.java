package io.arcnode.gateway.topology.internal;

import io.arcnode.api.ArcnodeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The applied topology as one file, {@code <dir>/dtm.json} (the component uses {@code <gateway.data_dir>/topology}).
 * A write goes to a temporary file that is forced to disk and atomically renamed over the file, so a crash leaves
 * the old or the new topology, never half of one.
 */
public final class TopologyStore {

    /** Name of the topology file in the store's folder. */
    public static final String FILE = "dtm.json";

    private final Path dir;

    public TopologyStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    /** @return the topology file */
    public Path file() {
        return dir.resolve(FILE);
    }

    /** Writes {@code topology} atomically. */
    public void save(AppliedTopology topology) {
        Path target = file();
        Path tmp = dir.resolve("." + FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            try (var ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                var buf = ByteBuffer.wrap(ArcnodeJson.prettyWriter().writeValueAsBytes(topology.toJson()));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("topology store: cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the last saved topology, empty when none was ever saved
     * @throws IllegalStateException naming the file when it exists but is not a valid topology
     */
    public Optional<AppliedTopology> load() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AppliedTopology.fromJson(ArcnodeJson.mapper().readTree(f.toFile())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("topology store: " + f + " is not a valid topology: " + e.getMessage(), e);
        }
    }
}

package io.arcnode.edp.pipeline.internal;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ArtifactStore} in a folder: object {@code <key>} is file {@code <root>/<key>}. A write goes to
 * {@code .tmp-<name>-<uuid>} in the target folder (a name no key can have), is forced to disk and then renamed over
 * the target with {@link StandardCopyOption#ATOMIC_MOVE}; on failure the temporary file is removed. Keys are checked
 * with {@link ArtifactStore#checkKey(String)}, and a key whose folder or file resolves (through a symbolic link)
 * outside the root is refused as well.
 */
public final class FolderArtifactStore implements ArtifactStore {

    private final Path root;

    public FolderArtifactStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** @return the absolute root folder */
    public Path root() {
        return root;
    }

    private Path path(String key) {
        Path p = root.resolve(ArtifactStore.checkKey(key)).normalize();
        if (!p.startsWith(root) || p.equals(root)) { // unreachable after checkKey; kept as the last line of defence
            throw new IllegalArgumentException("key '" + key + "' escapes the store root");
        }
        return p;
    }

    /** Refuses a path that a symbolic link inside the root leads outside it. */
    private void requireInside(Path existing) throws IOException {
        Path realRoot = root.toRealPath();
        if (!existing.toRealPath().startsWith(realRoot)) {
            throw new IOException("'" + existing + "' resolves outside the store root " + realRoot);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws ArtifactStoreException {
        Objects.requireNonNull(bytes, "bytes");
        Path target = path(key);
        Path dir = target.getParent();
        Path tmp = dir.resolve(".tmp-" + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            requireInside(dir);
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ArtifactStoreException(key, "write", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws ArtifactStoreException {
        Path p = path(key);
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            requireInside(p);
            return Optional.of(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed between the check and the read
        } catch (IOException e) {
            throw new ArtifactStoreException(key, "read", e);
        }
    }

    @Override
    public boolean exists(String key) {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try {
            requireInside(p);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(new ArtifactStoreException(key, "check", e));
        }
    }

    @Override
    public String toString() {
        return "FolderArtifactStore[" + root + "]";
    }
}

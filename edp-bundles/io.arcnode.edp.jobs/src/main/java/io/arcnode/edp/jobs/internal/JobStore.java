package io.arcnode.edp.jobs.internal;

import io.arcnode.api.ArcnodeJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Job records as one JSON file per job, {@code <dir>/<job_id>.json}, so that they survive a restart of the platform.
 * A write goes to a temporary file that is forced to disk and atomically renamed over the record, so a crash leaves
 * the old or the new record, never half of one.
 */
public final class JobStore {

    /** A record that could not be read at startup; it is left on disk and reported. */
    public record Unreadable(Path file, String reason) {
    }

    private final Path dir;

    public JobStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public void save(JobRecord record) {
        Path target = dir.resolve(record.jobId() + ".json");
        Path tmp = dir.resolve("." + record.jobId() + ".json.tmp");
        try {
            Files.createDirectories(dir);
            try (var ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                var buf = ByteBuffer.wrap(ArcnodeJson.prettyWriter().writeValueAsBytes(record.toJson()));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("job store: cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param unreadable receives every file that is not a readable record
     * @return every readable record, in file name order
     */
    public List<JobRecord> loadAll(List<Unreadable> unreadable) {
        List<JobRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("job store: cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        for (Path f : files) {
            try {
                JobRecord r = JobRecord.fromJson(ArcnodeJson.mapper().readTree(f.toFile()));
                if (!f.getFileName().toString().equals(r.jobId() + ".json")) {
                    throw new IllegalArgumentException("job_id " + r.jobId() + " does not match the file name");
                }
                out.add(r);
            } catch (IOException | RuntimeException e) {
                unreadable.add(new Unreadable(f, e.getMessage()));
            }
        }
        return out;
    }

    /** @return whether {@code id} is a syntactically valid job id */
    public static boolean isJobId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

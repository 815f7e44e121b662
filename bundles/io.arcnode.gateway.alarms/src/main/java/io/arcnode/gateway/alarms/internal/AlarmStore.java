package io.arcnode.gateway.alarms.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local alarm store: an append-only journal {@code <dir>/alarms.jsonl}, one {@link AlarmJson} line per alarm
 * version, forced to disk after each batch. Loading keeps the newest version of each alarm (history included), so
 * nothing is ever evicted. A torn last line (crash while writing) is skipped with a warning: that version was already
 * committed to {@code alarms.clean} and comes back from there ({@link AlarmEngine#catchUp}); a broken line elsewhere
 * is an error.
 */
public final class AlarmStore {

    /** File name of the journal. */
    public static final String FILE = "alarms.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(AlarmStore.class);

    private final Path file;

    public AlarmStore(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** @return the newest version of every alarm in the journal, by id, in first-raised order */
    public Map<String, Alarm> load() {
        Map<String, Alarm> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("alarm store " + file + ": cannot read", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Alarm a;
            try {
                a = AlarmJson.parse(line.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) {
                    LOG.warn("alarm store {}: torn last line {} cut off ({}); alarms.clean has it", file, i + 1,
                            e.getMessage());
                    cut(line);
                    continue;
                }
                throw new IllegalStateException("alarm store " + file + ": line " + (i + 1) + ": " + e.getMessage());
            }
            Alarm known = out.get(a.id());
            if (known == null || known.seq() < a.seq()) {
                out.put(a.id(), a);
            }
        }
        return out;
    }

    /** Truncates the torn last line so the next append starts on a line of its own. */
    private void cut(String torn) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long tail = torn.getBytes(StandardCharsets.UTF_8).length;
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            ch.truncate(size - tail - (last.get(0) == '\n' ? 1 : 0));
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("alarm store " + file + ": cannot cut the torn last line", e);
        }
    }

    /** Appends {@code versions} and forces them to disk. */
    public void append(Collection<Alarm> versions) {
        if (versions.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Alarm a : versions) {
            sb.append(new String(AlarmJson.bytes(a), StandardCharsets.UTF_8)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("alarm store " + file + ": cannot write", e);
        }
    }
}

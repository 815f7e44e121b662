package io.arcnode.sink.alertrouter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.sink.api.SinkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending notices of one digest route, on disk: {@code <dir>/<route name>.jsonl}, one line per notice
 * ({@code {"spooled_at": ..., "alarm": <alarms.clean record>}}), forced to disk before {@link #append} returns, so
 * the sink may commit the notices' offsets then. The digest window opens with the first pending notice
 * ({@link #windowStart()}); after the digest was sent to every destination the file is deleted. Loaded again after a
 * restart; a torn last line (crash while appending: its offset was not committed, the stream gives it again) is
 * dropped with a warning. A notice already pending (same alarm id and seq: a replayed record) is not added twice.
 * Thread-safe.
 */
final class DigestSpool {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RoutingTable.Route route;
    private final Path file;
    private final List<AlarmNotice> pending = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** Destinations of the current digest already reached (a failed digest is not sent to them again). */
    private final Set<String> sentTo = new HashSet<>();
    private Instant windowStart;

    DigestSpool(Path dir, RoutingTable.Route route) throws IOException {
        this.route = route;
        this.file = dir.resolve(route.name() + ".jsonl");
        Files.createDirectories(dir);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    AlarmNotice a = AlarmNotice.of(n.get("alarm"));
                    Instant at = Instant.parse(n.get("spooled_at").asText());
                    if (ids.add(a.id())) {
                        pending.add(a);
                        if (windowStart == null) {
                            windowStart = at;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (i == lines.size() - 1) {
                        LOG.warn("alert digest {}: torn last line {} of {} dropped (its record is read again): {}",
                                route.name(), i + 1, file, e.getMessage());
                    } else {
                        throw new IOException(file + ": line " + (i + 1) + " is not a spooled alarm: " + e.getMessage(),
                                e);
                    }
                }
            }
            if (!pending.isEmpty()) {
                LOG.info("alert digest {}: {} pending alarm change(s) loaded from {}", route.name(), pending.size(),
                        file);
            }
        }
    }

    RoutingTable.Route route() {
        return route;
    }

    /** Adds the notices and forces them to disk. */
    synchronized void append(List<AlarmNotice> notices, Instant now) throws SinkException {
        StringBuilder b = new StringBuilder();
        List<AlarmNotice> added = new ArrayList<>();
        for (AlarmNotice n : notices) {
            if (ids.contains(n.id()) || added.stream().anyMatch(a -> a.id().equals(n.id()))) {
                continue;
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("spooled_at", now.toString());
            line.set("alarm", n.json());
            b.append(line).append('\n');
            added.add(n);
        }
        if (added.isEmpty()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            throw SinkException.retryable("alert digest " + route.name() + ": spool " + file + " not written: " + e, e);
        }
        for (AlarmNotice n : added) {
            ids.add(n.id());
            pending.add(n);
        }
        if (windowStart == null) {
            windowStart = now;
        }
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized Instant windowStart() {
        return windowStart;
    }

    /** @return whether a digest is due at {@code now} */
    synchronized boolean due(Instant now) {
        return windowStart != null && !now.isBefore(windowStart.plus(route.digestInterval()));
    }

    /**
     * Sends the pending notices as one message to each destination not reached yet, then empties the spool.
     *
     * @throws SinkException when a destination failed: the spool stays, reached destinations are remembered
     */
    synchronized void send(Deliveries deliveries) throws SinkException {
        if (pending.isEmpty()) {
            return;
        }
        List<AlarmNotice> notices = List.copyOf(pending);
        for (RoutingTable.Destination d : route.destinations()) {
            if (sentTo.contains(d.name())) {
                continue;
            }
            if (d instanceof RoutingTable.Webhook w) {
                deliveries.post(w, Messages.digestWebhook(w, route, notices));
            } else if (d instanceof RoutingTable.Email e) {
                deliveries.mail(e, Messages.digestSubject(route, notices), Messages.digestText(notices));
            }
            sentTo.add(d.name());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw SinkException.retryable("alert digest " + route.name() + ": sent, but " + file
                    + " not deleted (it would be sent again): " + e, e);
        }
        pending.clear();
        ids.clear();
        sentTo.clear();
        windowStart = null;
    }
}

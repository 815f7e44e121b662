package io.arcnode.workbench.edp.api;

import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import io.arcnode.edp.pipeline.api.EdpPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The EDP packages of one order, generated offline in the workbench: the folder {@code <order>.edp} beside the
 * order file, one revision folder {@code r001}, {@code r002}, ... per generation (or per package fetched from the
 * platform), each in the artifact store's layout. A generation runs spec 002's pipeline in this process with the
 * catalogue shipped in the product ({@link EdpPipeline#offline()}): no network. It writes into a hidden
 * {@code .r<NNN>.partial} folder that becomes {@code r<NNN>} only when every artifact is written; a failed or
 * cancelled generation leaves nothing behind.
 */
public final class EdpPackages {

    /** The suffix of an order's package folder. */
    public static final String SUFFIX = ".edp";
    private static final Pattern REVISION = Pattern.compile("r(\\d{3,})");
    /** One lock per package folder: two generations or fetches of one order run one after the other. */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Told about a generation; {@link #cancelled()} is asked after each artifact. */
    public interface Progress {

        /** Told nothing, never cancels (batch use: the CLI-like callers, benchmarks, tests). */
        Progress NONE = new Progress() {
            @Override
            public void planned(int total) {
            }

            @Override
            public void written(ArtifactRef ref, int index, int total, int bytes) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** @param total the number of artifacts the package will have */
        void planned(int total);

        /** @param index 1-based; {@code ref} was just written ({@code bytes} long) */
        void written(ArtifactRef ref, int index, int total, int bytes);

        /** @return whether to stop (the partial package is removed) */
        boolean cancelled();
    }

    private static volatile EdpPipeline shared;

    private final Path folder;

    /** @param orderFile the order's {@code <name>.json}; its packages are in {@code <name>.edp} beside it */
    public EdpPackages(Path orderFile) {
        String f = orderFile.getFileName().toString();
        String name = f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
        this.folder = orderFile.toAbsolutePath().normalize().resolveSibling(name + SUFFIX);
    }

    /** @return the order's package folder (it may not exist yet) */
    public Path folder() {
        return folder;
    }

    /** @return the revisions, oldest first */
    public List<EdpRevision> revisions() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<EdpRevision> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Matcher m = REVISION.matcher(d.getFileName().toString());
                if (m.matches() && Files.isDirectory(d)) {
                    EdpRevision.read(Integer.parseInt(m.group(1)), d).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingInt(EdpRevision::number));
        return out;
    }

    /** @return the newest revision */
    public Optional<EdpRevision> latest() {
        List<EdpRevision> all = revisions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Generates the package of {@code payload} as the next revision.
     *
     * @throws io.arcnode.api.ValidationException when the payload breaks a model rule
     * @throws CancellationException when {@code progress} asked to stop
     * @throws ArtifactStoreException naming the file that could not be written
     */
    public EdpRevision generate(ConfiguratorPayload payload, Progress progress) throws ArtifactStoreException {
        EdpPipeline pipeline = pipeline();
        EdpPlan plan = pipeline.plan(payload);
        progress.planned(plan.artifacts().size());
        return newRevision((partial, name) -> {
            try (ArtifactStore target = ArtifactStore.folder(partial)) {
                pipeline.run(plan, target, (ref, index, total, bytes) -> {
                    progress.written(ref, index, total, bytes);
                    if (progress.cancelled()) {
                        throw new CancellationException("EDP generation cancelled after " + index + " of " + total
                                + " artifacts");
                    }
                });
            }
        });
    }

    /**
     * Fetches the order's package from a platform into a new revision, in the same layout as a generated one: the
     * artifacts the pipeline plans for {@code payload}, each {@code GET <platform>/artifacts/<key>} (the platform's
     * artifact store, {@code edp/<deployment_id>/<name>.<ext>}). All or nothing, as a generation.
     *
     * @param platform the platform's base URL
     * @param timeout  for connecting and for each answer
     * @throws PlatformFetchException naming the artifact and the platform's answer (404: the platform has not
     *                                generated it), or why the platform cannot be reached
     * @throws CancellationException  when {@code progress} asked to stop
     */
    public EdpRevision fetch(URI platform, ConfiguratorPayload payload, Duration timeout, Progress progress)
            throws ArtifactStoreException, PlatformFetchException {
        List<ArtifactRef> refs = pipeline().plan(payload).artifacts();
        progress.planned(refs.size());
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        String base = platform.toString().endsWith("/") ? platform.toString() : platform + "/";
        PlatformFetchException[] failure = new PlatformFetchException[1];
        try {
            return newRevision((partial, name) -> {
                int index = 0;
                for (ArtifactRef ref : refs) {
                    String key = ArtifactPlan.key(ref);
                    URI uri = URI.create(base + "artifacts/" + key);
                    HttpResponse<byte[]> r;
                    try {
                        r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException e) {
                        failure[0] = new PlatformFetchException(0, "the platform cannot be reached (" + uri + "): "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                        throw failure[0];
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException("fetch cancelled");
                    }
                    if (r.statusCode() != 200) {
                        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
                        failure[0] = new PlatformFetchException(r.statusCode(), r.statusCode() == 404
                                ? "the platform has no " + key + " (generate the package there first: POST"
                                        + " /edp-api/jobs)"
                                : "HTTP " + r.statusCode() + " for " + uri + ": " + body, null);
                        throw failure[0];
                    }
                    Path file = partial.resolve(key);
                    Files.createDirectories(file.getParent());
                    Files.write(file, r.body());
                    index++;
                    progress.written(ref, index, refs.size(), r.body().length);
                    if (progress.cancelled()) {
                        throw new CancellationException("EDP fetch cancelled after " + index + " of " + refs.size()
                                + " artifacts");
                    }
                }
            });
        } catch (ArtifactStoreException e) {
            if (failure[0] != null) {
                throw failure[0];
            }
            throw e;
        }
    }

    /** Fills a new revision's partial folder. */
    private interface Filler {
        void fill(Path partial, String name) throws IOException;
    }

    /**
     * Creates {@code .rNNN.partial}, has it filled, renames it to {@code rNNN}; deletes it on any failure. Holds the
     * folder's lock throughout, so a second generation or fetch of the same order (Generate pressed twice, a fetch
     * beside it) waits and then takes the next number instead of sharing the partial folder.
     */
    private EdpRevision newRevision(Filler filler) throws ArtifactStoreException {
        synchronized (LOCKS.computeIfAbsent(folder.toAbsolutePath().normalize(), k -> new Object())) {
            return newRevisionLocked(filler);
        }
    }

    private EdpRevision newRevisionLocked(Filler filler) throws ArtifactStoreException {
        int number = latest().map(r -> r.number() + 1).orElse(1);
        String name = String.format("r%03d", number);
        Path partial = folder.resolve("." + name + ".partial");
        try {
            Files.createDirectories(folder);
            deleteTree(partial);
        } catch (IOException e) {
            throw new ArtifactStoreException(folder.toString(), "create", e.getMessage(), e);
        }
        boolean done = false;
        try {
            filler.fill(partial, name);
            Path revision = folder.resolve(name);
            try {
                Files.move(partial, revision, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, revision);
            }
            done = true;
            return EdpRevision.read(number, revision).orElseThrow(() -> new IllegalStateException(
                    "the revision " + revision + " holds no package"));
        } catch (IOException e) {
            throw new ArtifactStoreException(folder.resolve(name).toString(), "write", e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    deleteTree(partial);
                } catch (IOException ignored) {
                    // a later generation deletes it first
                }
            }
        }
    }

    /** @return the pipeline with the shipped catalogue, built once per process (loading the catalogue takes a while) */
    public static EdpPipeline pipeline() {
        EdpPipeline p = shared;
        if (p == null) {
            synchronized (EdpPackages.class) {
                p = shared;
                if (p == null) {
                    p = EdpPipeline.offline();
                    shared = p;
                }
            }
        }
        return p;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

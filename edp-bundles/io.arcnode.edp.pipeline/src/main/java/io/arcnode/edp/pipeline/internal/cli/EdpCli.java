package io.arcnode.edp.pipeline.internal.cli;

import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import io.arcnode.edp.pipeline.api.EdpPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code arcnode edp generate PAYLOAD.json --out DIR}: the pipeline of the platform's jobs with no server and no
 * network. The assemblies come from the catalogue shipped in the bundles; the package's files are written flat into
 * {@code DIR} ({@code DIR/bom.json}, {@code DIR/plate_cl.step}, ...), one progress line per artifact on stdout.
 *
 * <p>Exit codes (sysexits.h): 0 done, 64 usage, 65 invalid payload (every field and rule printed), 66 payload file
 * missing, 74 a file could not be written.
 */
public final class EdpCli {

    static final int OK = 0;
    static final int USAGE = 64;
    static final int DATA_ERROR = 65;
    static final int NO_INPUT = 66;
    static final int IO_ERROR = 74;

    static final String USAGE_TEXT = "usage: arcnode edp generate PAYLOAD.json --out DIR";

    private EdpCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(USAGE_TEXT);
            return OK;
        }
        Path payloadFile = null;
        Path outDir = null;
        if (args.length == 0 || !args[0].equals("generate")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                outDir = Path.of(args[++i]);
            } else if (!args[i].startsWith("-") && payloadFile == null) {
                payloadFile = Path.of(args[i]);
            } else {
                err.println("arcnode edp: unexpected argument '" + args[i] + "'");
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (payloadFile == null || outDir == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String json;
        try {
            json = Files.readString(payloadFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(payloadFile + ": no such file");
            return NO_INPUT;
        } catch (IOException e) {
            err.println(payloadFile + ": cannot read: " + e.getMessage());
            return NO_INPUT;
        }
        EdpPipeline pipeline = EdpPipeline.offline();
        EdpPlan plan;
        try {
            plan = pipeline.plan(json);
        } catch (ValidationException e) {
            err.println(payloadFile + ": invalid ConfiguratorPayload:");
            for (Violation v : e.violations()) {
                err.println("  " + (v.field().isEmpty() ? "(payload)" : v.field()) + ": " + v.rule() + ": "
                        + v.message());
            }
            return DATA_ERROR;
        }
        String prefix = ArtifactPlan.KEY_PREFIX + plan.resolution().deploymentId() + "/";
        out.println("EDP " + plan.resolution().deploymentId() + ": profile "
                + plan.resolution().deploymentProfile().json() + ", " + plan.resolution().computeContainerCount()
                + " compute container(s), " + plan.artifacts().size() + " artifacts -> " + outDir.toAbsolutePath());
        ArtifactStore target = new FlatFolder(ArtifactStore.folder(outDir), prefix);
        int width = Integer.toString(plan.artifacts().size()).length();
        try {
            pipeline.run(plan, target, (ref, index, total, bytes) -> out.println(String.format(Locale.ROOT,
                    "[%" + width + "d/%d] %-28s %,12d bytes", index, total,
                    ArtifactPlan.key(ref).substring(prefix.length()), bytes)));
        } catch (ArtifactStoreException e) {
            err.println("arcnode edp: " + e.getMessage());
            return IO_ERROR;
        }
        out.println("done: " + plan.artifacts().size() + " files in " + outDir.toAbsolutePath());
        return OK;
    }

    /** Writes {@code edp/{id}/<name>} as {@code <dir>/<name>}. */
    private record FlatFolder(ArtifactStore folder, String prefix) implements ArtifactStore {

        private String local(String key) {
            if (!key.startsWith(prefix)) {
                throw new IllegalArgumentException("key " + key + " is not under " + prefix);
            }
            return key.substring(prefix.length());
        }

        @Override
        public void put(String key, byte[] bytes) throws ArtifactStoreException {
            try {
                folder.put(local(key), bytes);
            } catch (ArtifactStoreException e) {
                throw new ArtifactStoreException(key, "write", e.getCause());
            }
        }

        @Override
        public Optional<byte[]> get(String key) throws ArtifactStoreException {
            return folder.get(local(key));
        }

        @Override
        public boolean exists(String key) {
            return folder.exists(local(key));
        }
    }
}

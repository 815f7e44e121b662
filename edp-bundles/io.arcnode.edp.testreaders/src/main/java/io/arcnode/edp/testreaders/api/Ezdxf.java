package io.arcnode.edp.testreaders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs Debian's python3-ezdxf (0.18) as an independent DXF reader. Tests using it are skipped only
 * when no python3 with ezdxf is found ({@code EDP_PYTHON}, {@code python3} on PATH, {@code /usr/bin/python3}).
 */
public final class Ezdxf {

    /** Reads the file, audits it, prints "errors=N" then "TYPE=count" per model-space type, then blocks. */
    public static final String SCRIPT = String.join("\n",
            "import ezdxf, sys",
            "doc = ezdxf.readfile(sys.argv[1])",
            "a = doc.audit()",
            "for e in a.errors[:20]: print('error:', e, file=sys.stderr)",
            "print('errors=%d' % len(a.errors))",
            "print('version=%s' % doc.dxfversion)",
            "counts = {}",
            "for e in doc.modelspace(): counts[e.dxftype()] = counts.get(e.dxftype(), 0) + 1",
            "for k in sorted(counts): print('%s=%d' % (k, counts[k]))",
            "names = sorted(b.name for b in doc.blocks if not b.name.startswith('*') and not b.name.startswith('$'))",
            "print('blocks=%s' % ','.join(names))",
            "print('layers=%s' % ','.join(sorted(l.dxf.name for l in doc.layers if l.dxf.name != 'Defpoints')))",
            "sys.exit(1 if a.has_errors else 0)");

    private static String python;
    private static boolean probed;

    private Ezdxf() {
    }

    /** The python3 with ezdxf, or the calling test is skipped (JUnit assumption) with the reason. */
    public static synchronized String pythonOrSkip() {
        if (!probed) {
            probed = true;
            String env = System.getenv("EDP_PYTHON");
            List<String> candidates = env == null ? List.of("python3", "/usr/bin/python3")
                    : List.of(env, "python3", "/usr/bin/python3");
            for (String c : candidates) {
                try {
                    Result r = run(List.of(c, "-c", "import ezdxf"));
                    if (r.exit == 0) {
                        python = c;
                        break;
                    }
                } catch (IOException e) {
                    // not installed: try the next candidate
                }
            }
        }
        assumeTrue(python != null, "python3 with ezdxf not found (apt-get install -y python3-ezdxf): "
                + "independent DXF reader check skipped");
        return python;
    }

    /** Audits the bytes with ezdxf; asserts exit 0 and returns its stdout lines. */
    public static List<String> audit(byte[] dxf, Path dir) throws IOException {
        String py = pythonOrSkip();
        Path file = dir.resolve("t.dxf");
        Files.write(file, dxf);
        Result r = run(List.of(py, "-c", SCRIPT, file.toString()));
        assertEquals(0, r.exit, "ezdxf audit failed:\n" + r.out + r.err);
        return r.out.lines().toList();
    }

    /**
     * Reads a drawing's DXF with both readers: {@link DxfPairs} (every layer an entity uses is declared) and ezdxf
     * (audit without errors, and the model-space entity counts ezdxf finds are {@code counts}).
     *
     * @param what   names the drawing in a failure message
     * @param counts the writer's own count per DXF type, e.g. {@code Dxf.entityCounts()}
     */
    public static void auditDrawing(String what, byte[] dxf, SortedMap<String, Integer> counts, Path dir)
            throws IOException {
        DxfPairs p = DxfPairs.parse(dxf);
        assertTrue(p.declaredLayers().containsAll(p.usedLayers()), what + ": undeclared layer");
        List<String> out = audit(dxf, dir);
        assertEquals("errors=0", out.get(0), what + ": " + out);
        String expected = counts.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                .collect(Collectors.joining(","));
        assertTrue(String.join(",", out).contains(expected), what + ": " + expected + " in " + out);
    }

    /** Exit status, stdout and stderr of a finished command. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs the command to its end (at most 60 s) and returns what it printed. */
    public static Result run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package io.arcnode.edp.assemblies.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepWriterTest {

    private static final String STAMP = "2026-01-01T00:00:00";

    private static String step(String assembly) {
        return new String(StepWriter.write(assembly, STAMP, AssemblyModels.assembly(assembly)),
                StandardCharsets.US_ASCII);
    }

    @Test
    void headerAndSectionsOfPart21() {
        String s = step("compute_container");
        assertTrue(s.startsWith("ISO-10303-21;\nHEADER;\n"), s.substring(0, 40));
        assertTrue(s.contains("FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));"));
        assertTrue(s.contains("FILE_NAME('compute_container.step','" + STAMP + "'"));
        assertTrue(s.endsWith("ENDSEC;\nEND-ISO-10303-21;\n"));
        assertEquals(3, count(s, "=MANIFOLD_SOLID_BREP("), "one solid per box");
        assertEquals(18, count(s, "=ADVANCED_FACE("));
        assertEquals(36, count(s, "=EDGE_CURVE("));
    }

    @Test
    void everyReferenceIsDefinedAndEveryEdgeIsUsedTwiceInOppositeSenses() {
        String s = step("grid_container_commercial_dc");
        Map<Integer, String> entities = new HashMap<>();
        Matcher def = Pattern.compile("(?m)^#(\\d+)=(.*);$").matcher(s);
        while (def.find()) {
            entities.put(Integer.parseInt(def.group(1)), def.group(2));
        }
        Matcher ref = Pattern.compile("#(\\d+)").matcher(s.substring(s.indexOf("DATA;")));
        while (ref.find()) {
            assertTrue(entities.containsKey(Integer.parseInt(ref.group(1))), "undefined #" + ref.group(1));
        }
        Map<String, Integer> senses = new HashMap<>();
        Matcher oe = Pattern.compile("ORIENTED_EDGE\\('',\\*,\\*,#(\\d+),\\.(T|F)\\.\\)").matcher(s);
        while (oe.find()) {
            senses.merge(oe.group(1) + oe.group(2), 1, Integer::sum);
        }
        long edges = entities.values().stream().filter(e -> e.startsWith("EDGE_CURVE(")).count();
        assertEquals(2 * edges, senses.size(), "each edge appears once forward and once reversed");
        assertTrue(senses.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void containerHasIsoDimensionsInMillimetres() {
        String s = step("compute_container");
        assertTrue(s.contains("SI_UNIT(.MILLI.,.METRE.)"));
        assertTrue(s.contains("CARTESIAN_POINT('',(12192.,2438.,2896.))"), "40 ft high cube far corner");
    }

    @Test
    void sameInputSameBytes() {
        for (String a : AssemblyModels.ASSEMBLIES) {
            assertArrayEquals(StepWriter.write(a, STAMP, AssemblyModels.assembly(a)),
                    StepWriter.write(a, STAMP, AssemblyModels.assembly(a)), a);
        }
    }

    @Test
    void realsAlwaysCarryADecimalPoint() {
        assertEquals("0.", StepWriter.num(-0.0));
        assertEquals("12192.", StepWriter.num(12192));
        assertEquals("-0.5", StepWriter.num(-0.5));
        assertEquals("0.707107", StepWriter.num(Math.sqrt(0.5)));
    }

    /** Open CASCADE (Debian occt-draw) reads the file and checks the shape; skipped only where OCCT is absent. */
    @Test
    void openCascadeReadsEveryModelAsValidSolids(@TempDir Path dir) throws Exception {
        Path draw = Path.of("/usr/bin/occt-draw");
        assumeTrue(Files.isExecutable(draw), "occt-draw not installed (CI installs Debian's occt-draw)");
        List<String> ids = new java.util.ArrayList<>(AssemblyModels.ASSEMBLIES);
        ids.add("plate_cg");
        Path libraries = occtLibraries(dir);
        for (String id : ids) {
            List<Box> boxes = id.startsWith("plate_") ? AssemblyModels.plate("CG") : AssemblyModels.assembly(id);
            Path file = dir.resolve(id + ".step");
            Files.write(file, StepWriter.write(id, STAMP, boxes));
            Path script = dir.resolve(id + ".tcl");
            Files.writeString(script, "pload MODELING DATAEXCHANGE\n"
                    + "stepread " + file + " m *\n"
                    + "puts [nbshapes m_1]\n"
                    + "puts [checkshape m_1]\n"
                    + "exit\n");
            String out = run(dir, libraries, draw.toString(), "-b", "-f", script.toString());
            assertTrue(out.matches("(?s).*SOLID\\s+:\\s+" + boxes.size() + "\\b.*"), id + ": OCCT solids\n" + out);
            assertTrue(out.contains("This shape seems to be valid"), id + ": checkshape\n" + out);
        }
    }

    /**
     * Debian ships OCCT's plug-in libraries only as {@code libTK*.so.7}, while DRAW's {@code pload} opens
     * {@code libTK*.so} (the unversioned names come with the -dev packages): link them in a private folder.
     */
    private static Path occtLibraries(Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("occt-lib"));
        try (var files = Files.newDirectoryStream(Path.of("/usr/lib/x86_64-linux-gnu"), "libTK*.so.7")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Files.createSymbolicLink(lib.resolve(name.substring(0, name.length() - 2)), f);
            }
        }
        return lib;
    }

    static String run(Path dir, Path libraryPath, String... cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (libraryPath != null) {
            pb.environment().put("LD_LIBRARY_PATH", libraryPath.toString());
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return Files.readString(log);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

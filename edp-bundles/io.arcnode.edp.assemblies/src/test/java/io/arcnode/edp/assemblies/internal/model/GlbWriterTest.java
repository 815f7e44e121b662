package io.arcnode.edp.assemblies.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class GlbWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Glb(int version, int length, JsonNode json, int binLength) {
    }

    private static Glb parse(byte[] glb) throws Exception {
        ByteBuffer bb = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, bb.getInt(), "magic glTF");
        int version = bb.getInt();
        int length = bb.getInt();
        int jsonLength = bb.getInt();
        assertEquals(0x4E4F534A, bb.getInt(), "first chunk is JSON");
        byte[] json = new byte[jsonLength];
        bb.get(json);
        int binLength = bb.getInt();
        assertEquals(0x004E4942, bb.getInt(), "second chunk is BIN");
        assertEquals(0, jsonLength % 4);
        assertEquals(0, binLength % 4);
        return new Glb(version, length, JSON.readTree(new String(json, StandardCharsets.UTF_8).trim()), binLength);
    }

    @Test
    void containerIsAValidGlbWithOneMeshPerBox() throws Exception {
        byte[] bytes = GlbWriter.write("compute_container", AssemblyModels.assembly("compute_container"));
        Glb glb = parse(bytes);
        assertEquals(2, glb.version());
        assertEquals(bytes.length, glb.length());
        assertEquals("2.0", glb.json().at("/asset/version").asText());
        assertEquals(3, glb.json().get("meshes").size());
        assertEquals(glb.binLength() >= glb.json().at("/buffers/0/byteLength").asInt(), true);
        JsonNode shell = glb.json().at("/accessors/0");
        assertEquals(24, shell.get("count").asInt());
        // metres, y up: the 40 ft high cube is 12.192 long, 2.896 high, 2.438 deep (towards -z)
        assertEquals(12.192, shell.at("/max/0").asDouble(), 1e-4);
        assertEquals(2.896, shell.at("/max/1").asDouble(), 1e-4);
        assertEquals(-2.438, shell.at("/min/2").asDouble(), 1e-4);
    }

    @Test
    void sameInputSameBytes() {
        for (String a : AssemblyModels.ASSEMBLIES) {
            assertArrayEquals(GlbWriter.write(a, AssemblyModels.assembly(a)),
                    GlbWriter.write(a, AssemblyModels.assembly(a)), a);
        }
    }

    /**
     * The Khronos glTF validator (npm package gltf-validator, installed by .ci/run under releng/tools) reports no
     * error and no warning; skipped only where node or the validator is absent.
     */
    @Test
    void khronosValidatorFindsNoIssue(@TempDir Path dir) throws Exception {
        Path tools = Path.of("../../releng/tools").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(tools.resolve("node_modules/gltf-validator")),
                "gltf-validator not installed in " + tools + " (.ci/run runs npm ci there)");
        List<String> cmd = new ArrayList<>(List.of("node", tools.resolve("validate-gltf.js").toString()));
        for (String a : AssemblyModels.ASSEMBLIES) {
            Path f = dir.resolve(a + ".glb");
            Files.write(f, GlbWriter.write(a, AssemblyModels.assembly(a)));
            cmd.add(f.toString());
        }
        for (String plate : AssemblyModels.PLATES.keySet().stream().sorted().toList()) {
            Path f = dir.resolve("plate_" + plate + ".glb");
            Files.write(f, GlbWriter.write("plate_" + plate, AssemblyModels.plate(plate)));
            cmd.add(f.toString());
        }
        String out = StepWriterTest.run(dir, null, cmd.toArray(String[]::new));
        assertTrue(out.contains("errors 0 warnings 0"), out);
        assertTrue(!out.matches("(?s).*errors [1-9].*") && !out.matches("(?s).*warnings [1-9].*"), out);
    }
}

package io.arcnode.edp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactStoreTest {

    private static final String KEY = "edp/1f0c6a2e-8d1b-4c7e-9a53-3f5f0e2b7c11/bom.json";

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void roundTripWithTheKeyLayout() throws IOException {
        ArtifactStore store = ArtifactStore.folder(dir.resolve("store"));
        assertFalse(store.exists(KEY));
        assertTrue(store.get(KEY).isEmpty());
        store.put(KEY, bytes("{\"a\":1}"));
        assertTrue(store.exists(KEY));
        assertArrayEquals(bytes("{\"a\":1}"), store.get(KEY).orElseThrow());
        assertArrayEquals(bytes("{\"a\":1}"), Files.readAllBytes(dir.resolve("store").resolve(KEY)));
        assertEquals(List.of(Path.of("store", KEY)), files(), "no temporary file left behind");
        store.put("edp/x/empty.bin", new byte[0]);
        assertArrayEquals(new byte[0], store.get("edp/x/empty.bin").orElseThrow());
        assertFalse(store.exists("edp/x"), "a folder is not an object");
        assertTrue(store.get("edp/x").isEmpty());
    }

    @Test
    void overwriteReplacesTheWholeObject() throws IOException {
        ArtifactStore store = ArtifactStore.folder(dir);
        store.put(KEY, bytes("a much longer first version"));
        store.put(KEY, bytes("v2"));
        assertArrayEquals(bytes("v2"), store.get(KEY).orElseThrow());
        assertEquals(List.of(Path.of(KEY)), files());
    }

    @Test
    void urlOfAKey() {
        ArtifactStore store = ArtifactStore.folder(dir);
        assertEquals("s3://arcnode-artifacts/" + KEY, store.url(KEY));
        assertEquals(KEY, ArtifactStore.keyOf("s3://arcnode-artifacts/" + KEY));
        assertThrows(IllegalArtifactKeyException.class, () -> ArtifactStore.keyOf("s3://elsewhere/" + KEY));
        assertThrows(IllegalArtifactKeyException.class, () -> store.url("../x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.json", "edp/../../outside.json", "edp/x/../../../outside.json", "/etc/passwd",
            "edp\\..\\outside.json", "edp//bom.json", "edp/bom.json/", "", ".", "..", "edp/./bom.json",
            "edp/.hidden", "edp/x y.json", "C:/x.json", "edp/\u0000.json", "edp/ü.json"})
    void traversalAndOddKeysAreRefusedByEveryOperation(String key) throws IOException {
        ArtifactStore store = ArtifactStore.folder(dir.resolve("root"));
        IllegalArtifactKeyException e = assertThrows(IllegalArtifactKeyException.class,
                () -> store.put(key, bytes("x")));
        assertTrue(e.getMessage().startsWith("refused artifact key '"), e.getMessage());
        assertEquals(key, e.key());
        assertThrows(IllegalArtifactKeyException.class, () -> store.get(key));
        assertThrows(IllegalArtifactKeyException.class, () -> store.exists(key));
        assertEquals(List.of(), files(), "nothing written anywhere");
    }

    @Test
    void nullAndOverlongKeysAreRefused() {
        ArtifactStore store = ArtifactStore.folder(dir);
        assertThrows(IllegalArtifactKeyException.class, () -> store.put(null, bytes("x")));
        assertThrows(IllegalArtifactKeyException.class, () -> store.put("a/".repeat(512) + "b", bytes("x")));
        assertEquals("a/".repeat(511) + "bb", ArtifactStore.checkKey("a/".repeat(511) + "bb"));
    }

    @Test
    void symlinkOutOfTheRootIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(outside.resolve("secret.json"), "s");
        Files.createSymbolicLink(root.resolve("edp"), outside);
        ArtifactStore store = ArtifactStore.folder(root);
        ArtifactStoreException e = assertThrows(ArtifactStoreException.class, () -> store.put("edp/a.json",
                bytes("x")));
        assertEquals("edp/a.json", e.key());
        assertFalse(Files.exists(outside.resolve("a.json")));
        assertThrows(ArtifactStoreException.class, () -> store.get("edp/secret.json"));
    }

    @Test
    void writeFailureNamesTheKey() throws IOException {
        ArtifactStore store = ArtifactStore.folder(dir);
        store.put("edp/1f0c/bom.json", bytes("x"));
        // the folder the key needs is a file: fails for every user, root included
        ArtifactStoreException e = assertThrows(ArtifactStoreException.class,
                () -> store.put("edp/1f0c/bom.json/inner.json", bytes("y")));
        assertEquals("edp/1f0c/bom.json/inner.json", e.key());
        assertTrue(e.getMessage().startsWith("artifact store: cannot write 'edp/1f0c/bom.json/inner.json': "),
                e.getMessage());
        // the target is a non-empty folder: the rename fails and the temporary file is removed
        store.put("edp/1f0c/dir/x.json", bytes("x"));
        e = assertThrows(ArtifactStoreException.class, () -> store.put("edp/1f0c/dir", bytes("y")));
        assertEquals("edp/1f0c/dir", e.key());
        assertEquals(List.of(Path.of("edp/1f0c/bom.json"), Path.of("edp/1f0c/dir/x.json")), files());
    }

    @Test
    void writeIntoAReadOnlyFolderNamesTheKey() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro/edp/abc"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "permissions are not enforced for this user (root)");
            ArtifactStore store = ArtifactStore.folder(dir.resolve("ro"));
            ArtifactStoreException e = assertThrows(ArtifactStoreException.class,
                    () -> store.put("edp/abc/bom.xlsx", bytes("y")));
            assertEquals("edp/abc/bom.xlsx", e.key());
            assertTrue(e.getMessage().contains("'edp/abc/bom.xlsx'"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void contentTypeFollowsTheExtension() {
        assertEquals("application/json", ArtifactStore.contentType(KEY));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ArtifactStore.contentType("edp/x/bom.xlsx"));
        assertEquals("application/pdf", ArtifactStore.contentType("edp/x/sld.pdf"));
        assertEquals("image/vnd.dxf", ArtifactStore.contentType("edp/x/sld.DXF"));
        assertEquals("model/step", ArtifactStore.contentType("edp/x/plate_cg.step"));
        assertEquals("model/gltf-binary", ArtifactStore.contentType("edp/x/compute_container.glb"));
        assertEquals("application/yaml", ArtifactStore.contentType("hardware_selector_map.yaml"));
        assertEquals("application/yaml", ArtifactStore.contentType("a.yml"));
        assertEquals("application/octet-stream", ArtifactStore.contentType("edp/x/README"));
        assertEquals("application/octet-stream", ArtifactStore.contentType("edp/x.json/data"), "the last segment's");
        assertThrows(IllegalArtifactKeyException.class, () -> ArtifactStore.contentType("../a.json"));
    }

    @Test
    void closingAFolderStoreIsANoOp() throws IOException {
        try (ArtifactStore store = ArtifactStore.folder(dir)) {
            store.put(KEY, bytes("{}"));
        }
        assertTrue(ArtifactStore.folder(dir).exists(KEY));
    }
}

package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void connectionsAndPasswordsAreKeptApartAndThePasswordsFileIsTheOwnersOnly() throws Exception {
        GatewayConnections store = new GatewayConnections(dir.resolve("gateways"));
        assertEquals(List.of(), store.list());
        GatewayConnection a = new GatewayConnection("site A", URI.create("http://10.0.0.5:8080/"), "engineer");
        GatewayConnection b = new GatewayConnection("lab", URI.create("http://127.0.0.1:8080/"), "");
        store.save(a, "s3cret".toCharArray());
        store.save(b, null);
        assertEquals(List.of(a, b), store.list());
        assertEquals(Optional.of("s3cret"), store.password("site A"));
        assertEquals(Optional.empty(), store.password("lab"));
        String connections = Files.readString(dir.resolve("gateways/connections.json"));
        assertFalse(connections.contains("s3cret"), connections);
        Path secrets = dir.resolve("gateways/credentials.json");
        assertTrue(Files.readString(secrets).contains("s3cret"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));

        GatewayConnection a2 = new GatewayConnection("site A", URI.create("http://10.0.0.6:8080/"), "engineer");
        store.save(a2, "new".toCharArray());
        assertEquals(List.of(a2, b), store.list(), "same name replaces in place");
        assertEquals(Optional.of("new"), store.password("site A"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
        store.remove("site A");
        assertEquals(List.of(b), store.list());
        assertEquals(Optional.empty(), store.password("site A"));
    }

    @Test
    void badConnectionsAreRefusedWithTheReason() throws Exception {
        assertEquals("name: must not be blank", GatewayConnection.check(" ", "http://a/"));
        assertEquals("URL: must start with http:// or https://", GatewayConnection.check("a", "ftp://a/"));
        assertEquals("URL: must name a host", GatewayConnection.check("a", "http:///x"));
        assertEquals(null, GatewayConnection.check("a", "https://gw.example:8443/"));
        GatewayConnections store = new GatewayConnections(dir);
        assertThrows(IllegalArgumentException.class,
                () -> store.save(new GatewayConnection("", URI.create("http://a/"), ""), null));
        Files.writeString(dir.resolve("connections.json"), "{\"connections\":[{\"name\":\"x\",\"url\":\"mqtt://a\"}]}");
        IOException e = assertThrows(IOException.class, store::list);
        assertEquals(dir.resolve("connections.json") + ": connections[0].URL: must start with http:// or https://",
                e.getMessage());
        Files.writeString(dir.resolve("connections.json"), "{");
        assertTrue(assertThrows(IOException.class, store::list).getMessage()
                .startsWith(dir.resolve("connections.json") + ": not JSON"));
    }
}

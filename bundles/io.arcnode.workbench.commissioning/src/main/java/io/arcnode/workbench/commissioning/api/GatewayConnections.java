package io.arcnode.workbench.commissioning.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway connections of this workbench, in a folder of its own (the workbench keeps it in its state location):
 * {@code connections.json} holds names, URLs and users; {@code credentials.json} holds the passwords and is readable
 * and writable by the owner only ({@code rw-------}, created so, never widened). Passwords never go into
 * preferences or into {@code connections.json}. Both files are replaced atomically.
 */
public final class GatewayConnections {

    static final String CONNECTIONS = "connections.json";
    static final String CREDENTIALS = "credentials.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path folder;

    /** @param folder where the two files live; created when something is saved */
    public GatewayConnections(Path folder) {
        this.folder = folder;
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /** @return the connections, in the order they were added */
    public List<GatewayConnection> list() throws IOException {
        Path file = folder.resolve(CONNECTIONS);
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root = read(file);
        List<GatewayConnection> out = new ArrayList<>();
        JsonNode items = root.path("connections");
        for (int i = 0; i < items.size(); i++) {
            JsonNode c = items.get(i);
            String name = c.path("name").asText("");
            String url = c.path("url").asText("");
            String problem = GatewayConnection.check(name, url);
            if (problem != null) {
                throw new IOException(file + ": connections[" + i + "]." + problem);
            }
            out.add(new GatewayConnection(name, URI.create(url.strip()), c.path("user").asText("")));
        }
        return List.copyOf(out);
    }

    /** @return the connection named {@code name} */
    public Optional<GatewayConnection> find(String name) throws IOException {
        return list().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Adds or replaces (same name) a connection and its password.
     *
     * @param password the password, {@code null} or empty for none (removes a stored one)
     */
    public synchronized void save(GatewayConnection connection, char[] password) throws IOException {
        String problem = GatewayConnection.check(connection.name(), connection.url().toString());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<GatewayConnection> all = new ArrayList<>(list());
        int at = indexOf(all, connection.name());
        if (at >= 0) {
            all.set(at, connection);
        } else {
            all.add(connection);
        }
        writeConnections(all);
        ObjectNode secrets = secrets();
        if (password == null || password.length == 0) {
            secrets.remove(connection.name());
        } else {
            secrets.put(connection.name(), new String(password));
        }
        writeSecret(secrets);
    }

    /** Removes a connection and its password; nothing happens for an unknown name. */
    public synchronized void remove(String name) throws IOException {
        List<GatewayConnection> all = new ArrayList<>(list());
        int at = indexOf(all, name);
        if (at < 0) {
            return;
        }
        all.remove(at);
        writeConnections(all);
        ObjectNode secrets = secrets();
        if (secrets.remove(name) != null) {
            writeSecret(secrets);
        }
    }

    /** @return the stored password of connection {@code name}, empty when none */
    public Optional<String> password(String name) throws IOException {
        JsonNode p = secrets().get(name);
        return p == null || !p.isTextual() ? Optional.empty() : Optional.of(p.textValue());
    }

    /** @return a client for {@code connection}, with its stored password */
    public GatewayClient client(GatewayConnection connection, java.time.Duration timeout) throws IOException {
        return new GatewayClient(connection, password(connection.name()).orElse(""), timeout);
    }

    private static int indexOf(List<GatewayConnection> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private ObjectNode secrets() throws IOException {
        Path file = folder.resolve(CREDENTIALS);
        if (!Files.exists(file)) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode root = read(file);
        if (!root.isObject()) {
            throw new IOException(file + ": must be a JSON object of connection name to password");
        }
        return (ObjectNode) root;
    }

    private void writeConnections(List<GatewayConnection> all) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode items = root.putArray("connections");
        for (GatewayConnection c : all) {
            items.addObject().put("name", c.name()).put("url", c.url().toString()).put("user", c.user());
        }
        write(folder.resolve(CONNECTIONS), ArcnodeJson.documentBytes(root), false);
    }

    private void writeSecret(ObjectNode secrets) throws IOException {
        write(folder.resolve(CREDENTIALS), ArcnodeJson.documentBytes(secrets), true);
    }

    private void write(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Files.createDirectories(folder);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix && ownerOnly
                ? Files.createTempFile(folder, ".tmp-", ".json", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, ".tmp-", ".json");
        try {
            if (ownerOnly && !posix) {
                // no POSIX permissions (Windows): readable and writable by the owner only, as far as Java can say
                tmp.toFile().setReadable(false, false);
                tmp.toFile().setReadable(true, true);
                tmp.toFile().setWritable(false, false);
                tmp.toFile().setWritable(true, true);
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        try {
            return ArcnodeJson.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ValidationException e) {
            throw new IOException(file + ": not JSON (" + e.getMessage() + ")", e);
        }
    }
}

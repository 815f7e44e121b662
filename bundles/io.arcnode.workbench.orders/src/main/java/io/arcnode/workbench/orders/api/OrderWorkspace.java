package io.arcnode.workbench.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engineer's folder of orders: one {@code <name>.json} file per order, a {@code ConfiguratorPayload} JSON
 * object (fields in the payload's order, two-space indent, LF, trailing newline). A file may hold a draft that is not
 * yet valid: saving never refuses what the engineer typed, the form shows what is wrong. Writes go to a temporary
 * file in the folder and are moved over the order, so a crash mid-save leaves the previous version.
 */
public final class OrderWorkspace {

    /** Order names: letters, digits, space, dot, dash, underscore; 1 to 80 characters, not starting with a dot. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\- ][A-Za-z0-9_.\\- ]{0,79}");

    private static final String SUFFIX = ".json";

    private final Path folder;

    /**
     * @param folder the workspace folder, created if missing
     * @throws OrderFileException if it cannot be created
     */
    public OrderWorkspace(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new OrderFileException(this.folder, "cannot create the workspace folder: " + e.getMessage(), e);
        }
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /**
     * One order file.
     *
     * @param path the file
     * @param name its name without {@code .json}
     */
    public record Order(Path path, String name) {
    }

    /** @return the orders in the folder, by name (case-insensitive) */
    public List<Order> list() {
        List<Order> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX))
                    .forEach(p -> out.add(new Order(p, nameOf(p))));
        } catch (IOException e) {
            throw new OrderFileException(folder, "cannot list the workspace folder: " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(Order::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Order::name));
        return out;
    }

    /** @return the file an order named {@code name} has (it need not exist) */
    public Path pathOf(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("order name '" + name + "' must be 1 to 80 letters, digits, spaces,"
                    + " dots, dashes or underscores, not starting with a dot");
        }
        return folder.resolve(name + SUFFIX);
    }

    /**
     * Creates a new order: a fresh {@code deployment_id}, the other fields empty.
     *
     * @throws OrderFileException if an order of that name exists or the file cannot be written
     */
    public Order create(String name) {
        OrderForm form = new OrderForm();
        form.set("deployment_id", UUID.randomUUID().toString());
        return saveAs(form, name);
    }

    /**
     * @return the form of an order file (a draft is shown as it is)
     * @throws OrderFileException naming the file if it cannot be read or is not a JSON object
     */
    public OrderForm open(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrderFileException(file, "cannot read: " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = ArcnodeJson.readTree(text);
        } catch (ValidationException e) {
            throw new OrderFileException(file, e.violations().get(0).message(), e);
        }
        if (!json.isObject()) {
            throw new OrderFileException(file, "not a JSON object (an order is a ConfiguratorPayload object)", null);
        }
        return OrderForm.of(json);
    }

    /** Writes {@code form} to {@code file}, replacing it. */
    public void save(Path file, OrderForm form) {
        byte[] bytes = ArcnodeJson.documentBytes(form.toJson());
        Path tmp = null;
        try {
            tmp = Files.createTempFile(folder, ".order-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OrderFileException(file, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move took it, or the folder is gone: nothing more to clean
                }
            }
        }
    }

    /**
     * Writes {@code form} as a new order named {@code name}.
     *
     * @throws OrderFileException if an order of that name exists
     */
    public Order saveAs(OrderForm form, String name) {
        Path file = pathOf(name);
        if (Files.exists(file)) {
            throw new OrderFileException(file, "an order named '" + name + "' exists", null);
        }
        save(file, form);
        return new Order(file, name);
    }

    /**
     * Copies an order under a new name with a new {@code deployment_id} (a second deployment of the same design;
     * the same id twice would give both the same EDP URLs).
     */
    public Order duplicate(Path source, String name) {
        OrderForm copy = open(source);
        copy.set("deployment_id", UUID.randomUUID().toString());
        return saveAs(copy, name);
    }

    private static String nameOf(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - SUFFIX.length());
    }
}

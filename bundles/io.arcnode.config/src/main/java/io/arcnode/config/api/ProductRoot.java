package io.arcnode.config.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where configured file names point: a relative name (e.g. {@code gateway.adapters_file: adapters.demo.yml})
 * resolves against the product root, the folder that holds {@code plugins/} and the files the product ships; an
 * absolute name is used as it is.
 */
public final class ProductRoot {

    /** Framework property naming the product root. */
    public static final String INSTALL_AREA = "osgi.install.area";

    private ProductRoot() {
    }

    /**
     * @param installArea the framework's {@code osgi.install.area} ({@code file:/opt/arcnode/}), or {@code null}
     *                    (then the working directory is the root)
     * @param configured  the configured file name
     * @return the file
     */
    public static Path resolve(String installArea, String configured) {
        return root(installArea).resolve(configured);
    }

    /** @return the product root of {@code installArea}, or the working directory without one */
    public static Path root(String installArea) {
        if (installArea == null || installArea.isBlank()) {
            return Path.of("").toAbsolutePath();
        }
        try {
            return installArea.startsWith("file:") ? Path.of(new URI(installArea.replace(" ", "%20")))
                    : Path.of(installArea);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(installArea.replaceFirst("^file:", ""));
        }
    }
}

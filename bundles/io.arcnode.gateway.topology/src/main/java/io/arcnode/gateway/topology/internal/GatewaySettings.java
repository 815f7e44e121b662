package io.arcnode.gateway.topology.internal;

import io.arcnode.api.ValidationException;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.config.api.ProductRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the {@code gateway} configuration section tells the topology besides the data directory:
 * {@code simulate} (SIM mode, {@link Simulators}), {@code adapters_file} (the gateway configuration's adapters,
 * {@link AdapterConfigFile}) and {@code initial_dtm} (the DTM applied when the gateway holds none yet, e.g. the
 * shipped {@code industrial-fixtures.json}). Relative file names resolve against the product root (the directory
 * that holds {@code plugins/}), where the shipped files are.
 *
 * @param adapters       the configured adapters, empty without {@code adapters_file}
 * @param initialDtm     the validated initial DTM, {@code null} without {@code initial_dtm}
 * @param initialDtmFile the file it came from, {@code null} without it
 */
public record GatewaySettings(List<AdapterConfig> adapters, Dtm initialDtm, Path initialDtmFile) {

    /** Key: start the protocol bundles' simulators as the peers of the adapters. */
    public static final String SIMULATE = "simulate";
    /** Key: file of the gateway configuration's adapters. */
    public static final String ADAPTERS_FILE = "adapters_file";
    /** Key: DTM applied on the first start. */
    public static final String INITIAL_DTM = "initial_dtm";

    /** Copies the list. */
    public GatewaySettings {
        adapters = List.copyOf(adapters);
    }

    /**
     * Reads the files the section names.
     *
     * @param gateway     the {@code gateway} section
     * @param installArea the framework's {@code osgi.install.area} ({@code file:/opt/arcnode/}), or {@code null}
     * @throws IllegalStateException with {@code <file>: <key>: <rule>} lines when a file is missing or invalid
     */
    public static GatewaySettings load(Map<String, Object> gateway, String installArea) {
        Path root = ProductRoot.root(installArea);
        List<AdapterConfig> adapters = List.of();
        Object adaptersFile = gateway.get(ADAPTERS_FILE);
        if (adaptersFile != null) {
            try {
                adapters = AdapterConfigFile.read(root.resolve(adaptersFile.toString()), adaptersFile.toString());
            } catch (AdapterConfigFile.Invalid e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        Object dtmFile = gateway.get(INITIAL_DTM);
        if (dtmFile == null) {
            return new GatewaySettings(adapters, null, null);
        }
        Path file = root.resolve(dtmFile.toString());
        String shown = dtmFile.toString();
        try {
            return new GatewaySettings(adapters, Dtms.parse(Files.readString(file)), file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(shown + ": file not found (gateway.initial_dtm names no file)", e);
        } catch (IOException e) {
            throw new IllegalStateException(shown + ": cannot read: " + e.getMessage(), e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e.violations().stream().map(v -> shown + ": " + v)
                    .collect(Collectors.joining("\n")), e);
        }
    }
}

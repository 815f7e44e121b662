package io.arcnode.api.adapter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registered as an OSGi service by a protocol bundle that serves adapters of the gateway configuration
 * ({@link AdapterConfig}), the second configuration source of spec 004 beside the DTM ({@link AdapterFactory}).
 * OPC UA and MQTT sources exist only here: the DTM has no such protocols.
 */
public interface ConfiguredAdapterFactory {

    /** @return the spec 004 adapter types this factory creates, e.g. {@code opcua} */
    Set<String> adapterTypes();

    /**
     * Checks an entry without creating anything; the gateway stops startup when this finds a problem.
     *
     * @return one line per problem, {@code key: rule}, the key relative to the entry and in the file's terms
     *         ({@code monitored_items[3].sampling_interval_ms: must be >= 0}); empty when the entry is valid
     */
    List<String> validate(AdapterConfig config);

    /**
     * @return a new, not yet started adapter; an entry with problems gives an adapter reporting
     *         {@code CONFIG_ERROR} (see {@link Adapters#configError}), never an exception
     */
    Adapter create(AdapterContext context, AdapterConfig config);

    /**
     * Starts this protocol's simulator as the peer of {@code config} (SIM mode, demo stage): a real server of the
     * protocol on the entry's loopback address and port, serving values for every mapped point that change over
     * time. Closing the result stops it.
     *
     * @return the running simulator; empty when this protocol bundle has none for such an entry
     * @throws IOException when the server cannot start (port taken)
     */
    default Optional<AutoCloseable> simulate(AdapterConfig config) throws IOException {
        return Optional.empty();
    }
}

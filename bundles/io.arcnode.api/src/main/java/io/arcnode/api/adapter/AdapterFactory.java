package io.arcnode.api.adapter;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ProtocolKind;
import java.io.IOException;
import java.util.Optional;

/**
 * Registered as an OSGi service by each protocol bundle: turns a DTM device of its protocol into an
 * {@link Adapter}. Invalid configuration does not throw: the adapter reports {@code CONFIG_ERROR} with the
 * reason and polls nothing. Devices of a protocol without a factory get {@link Adapters#unsupported}.
 */
public interface AdapterFactory {

    /** @return the protocol this factory handles */
    ProtocolKind protocol();

    /**
     * @param context  id, asset, classification, sink and clock
     * @param device   the DTM device (host, port, protocol configuration)
     * @return a new, not yet started adapter
     */
    Adapter create(AdapterContext context, Device device);

    /**
     * Starts this protocol's simulator as the peer of {@code device} (SIM mode, demo stage): a real server of the
     * protocol on the device's port (loopback), serving values for every point of its point maps that change over
     * time. Closing the result stops it.
     *
     * @return the running simulator; empty when this protocol bundle has none for such a device
     * @throws IOException when the server cannot start (port taken)
     */
    default Optional<AutoCloseable> simulate(Device device) throws IOException {
        return Optional.empty();
    }
}

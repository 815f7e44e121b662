package io.arcnode.api.adapter;

import io.arcnode.api.dtm.ProtocolKind;
import java.util.Objects;

/** Adapters that poll nothing and only report a fixed status. */
public final class Adapters {

    private Adapters() {
    }

    /** @return an adapter reporting {@code UNSUPPORTED_PROTOCOL} for {@code protocol}; start and stop do nothing */
    public static Adapter unsupported(String adapterId, ProtocolKind protocol) {
        return inert(AdapterHealth.of(adapterId, AdapterStatus.UNSUPPORTED_PROTOCOL,
                "protocol " + protocol.json() + " is not supported by this gateway"));
    }

    /**
     * @return an adapter reporting {@code UNSUPPORTED_PROTOCOL} for an entry of the gateway configuration whose
     *         adapter type no installed protocol bundle serves; start and stop do nothing
     */
    public static Adapter unsupported(String adapterId, String adapterType) {
        return inert(AdapterHealth.of(adapterId, AdapterStatus.UNSUPPORTED_PROTOCOL,
                "adapter type " + adapterType + " is not supported by this gateway (no protocol bundle serves it)"));
    }

    /** @return an adapter reporting {@code CONFIG_ERROR} with {@code reason}; start and stop do nothing */
    public static Adapter configError(String adapterId, String reason) {
        return inert(AdapterHealth.of(adapterId, AdapterStatus.CONFIG_ERROR, reason));
    }

    private static Adapter inert(AdapterHealth health) {
        Objects.requireNonNull(health, "health");
        return new Adapter() {
            @Override
            public String id() {
                return health.adapterId();
            }

            @Override
            public void start() {
                // nothing to poll: the status says why
            }

            @Override
            public void stop() {
                // nothing was started
            }

            @Override
            public AdapterHealth health() {
                return health;
            }
        };
    }
}

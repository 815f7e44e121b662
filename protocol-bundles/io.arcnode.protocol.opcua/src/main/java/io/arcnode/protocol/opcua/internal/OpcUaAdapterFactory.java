package io.arcnode.protocol.opcua.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.Adapters;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.config.api.ArcnodeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The OPC UA {@link ConfiguredAdapterFactory} service (adapter type {@code opcua}). Thin: the configuration
 * (optional; PID {@code io.arcnode.protocol.opcua}) gives the defaults of the entry keys, the gateway configuration
 * (optional) the data directory under which the client PKI folder lives by default; the adapters are plain Java.
 */
@Component(service = ConfiguredAdapterFactory.class, configurationPid = "io.arcnode.protocol.opcua")
public final class OpcUaAdapterFactory implements ConfiguredAdapterFactory {

    /** The spec 004 adapter type. */
    public static final String TYPE = "opcua";

    private final OpcUaSettings.Defaults defaults;

    /**
     * @param config  the defaults of the entry keys
     * @param gateway the gateway configuration, for {@code gateway.data_dir}; without it the PKI folder defaults to
     *                {@code <java.io.tmpdir>/arcnode/opcua/pki}
     */
    @Activate
    public OpcUaAdapterFactory(OpcUaAdapterConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ArcnodeConfig gateway) {
        this.defaults = OpcUaSettings.Defaults.of(config, defaultPkiDir(gateway));
    }

    /** For tests and plain Java: the given defaults. */
    OpcUaAdapterFactory(OpcUaSettings.Defaults defaults) {
        this.defaults = defaults;
    }

    static Path defaultPkiDir(ArcnodeConfig gateway) {
        Map<String, Object> section = gateway == null ? null : gateway.sections().get("gateway");
        Object dataDir = section == null ? null : section.get("data_dir");
        Path base = dataDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "arcnode")
                : Path.of(dataDir.toString());
        return base.resolve("opcua").resolve("pki");
    }

    /** Releases Milo's shared threads (event loop, timers) that the adapters and simulators of this bundle used. */
    @Deactivate
    void deactivate() {
        Stack.releaseSharedResources();
    }

    @Override
    public Set<String> adapterTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<String> validate(AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        OpcUaSettings.parse(config, defaults, problems);
        return List.copyOf(problems);
    }

    /** @return an OPC UA adapter, or one reporting {@code CONFIG_ERROR} with every problem of the entry */
    @Override
    public Adapter create(AdapterContext context, AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        OpcUaSettings settings = OpcUaSettings.parse(config, defaults, problems);
        if (settings == null) {
            return Adapters.configError(context.adapterId(), config.origin() + ": " + String.join("; ", problems));
        }
        return new OpcUaAdapter(settings, context.sink(), context.clock());
    }

    /** @return a simulator on the entry's port and endpoint path serving every monitored item, ticking every second */
    @Override
    public Optional<AutoCloseable> simulate(AdapterConfig config) throws IOException {
        List<String> problems = new ArrayList<>();
        OpcUaSettings settings = OpcUaSettings.parse(config, defaults, problems);
        if (settings == null) {
            throw new IllegalArgumentException(config.origin() + ": " + String.join("; ", problems));
        }
        OpcUaSimulator sim = OpcUaSimulator.forSettings(settings, Clock.systemUTC());
        sim.tickEvery(1000);
        return Optional.of(sim);
    }
}

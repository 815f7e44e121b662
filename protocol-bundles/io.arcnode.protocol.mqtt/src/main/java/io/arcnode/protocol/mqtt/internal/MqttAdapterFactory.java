package io.arcnode.protocol.mqtt.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.Adapters;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The MQTT {@link ConfiguredAdapterFactory} service for adapter type {@code mqtt}. Thin: the configuration
 * (optional; PID {@code io.arcnode.protocol.mqtt}) gives the defaults of every adapter; the adapters and the
 * simulator are plain Java.
 */
// immediate: nothing in the gateway asks for a ConfiguredAdapterFactory yet, and the lazy bundle must become active
@Component(service = ConfiguredAdapterFactory.class, configurationPid = "io.arcnode.protocol.mqtt", immediate = true)
public final class MqttAdapterFactory implements ConfiguredAdapterFactory {

    /** The spec 004 adapter type. */
    public static final String TYPE = "mqtt";

    private final MqttSettings.Defaults defaults;

    /** @param config the defaults */
    @Activate
    public MqttAdapterFactory(MqttAdapterConfig config) {
        this(MqttSettings.Defaults.of(config));
    }

    /** @param defaults the defaults (tests) */
    MqttAdapterFactory(MqttSettings.Defaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public Set<String> adapterTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<String> validate(AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        MqttSettings.parse(config, defaults, problems);
        return List.copyOf(problems);
    }

    /** @return an MQTT subscriber adapter, or one reporting {@code CONFIG_ERROR} with every problem of the entry */
    @Override
    public Adapter create(AdapterContext context, AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        MqttSettings settings = MqttSettings.parse(config, defaults, problems);
        if (settings == null) {
            return Adapters.configError(context.adapterId(), config.origin() + ": " + String.join("; ", problems));
        }
        return new MqttSubscriberAdapter(settings, context.sink(), context.clock());
    }

    /** Starts an {@link MqttSimulator} on 127.0.0.1 at the entry's broker port, one tick a second. */
    @Override
    public Optional<AutoCloseable> simulate(AdapterConfig config) throws IOException {
        List<String> problems = new ArrayList<>();
        MqttSettings settings = MqttSettings.parse(config, defaults, problems);
        if (settings == null) {
            throw new IllegalArgumentException(config.origin() + ": " + String.join("; ", problems));
        }
        MqttSimulator simulator = MqttSimulator.forSettings(settings, Clock.systemUTC());
        simulator.tickEvery(Duration.ofSeconds(1));
        return Optional.of(simulator);
    }
}

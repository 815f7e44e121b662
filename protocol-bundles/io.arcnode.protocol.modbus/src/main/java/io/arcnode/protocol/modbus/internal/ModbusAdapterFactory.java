package io.arcnode.protocol.modbus.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.Adapters;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Classification;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus TCP factory service, for DTM devices ({@link AdapterFactory}, protocol {@code modbus_tcp}) and for
 * entries of the gateway configuration ({@link ConfiguredAdapterFactory}, types {@code modbus_tcp} and
 * {@code modbus_rtu}, a serial line). Thin: the
 * configuration (optional; PID {@code io.arcnode.protocol.modbus}) gives the default polling of every adapter;
 * the adapters and the simulator are plain Java.
 */
@Component(service = {AdapterFactory.class, ConfiguredAdapterFactory.class},
        configurationPid = "io.arcnode.protocol.modbus")
public final class ModbusAdapterFactory implements AdapterFactory, ConfiguredAdapterFactory {

    /** The adapter type of spec 004 served from the gateway configuration. */
    static final String TYPE = "modbus_tcp";

    /** Simulated values move once a second (SIM mode, demo stage). */
    private static final long SIM_TICK_MS = 1000;

    private final ModbusSettings.Polling polling;

    /** @param config the polling configuration */
    @Activate
    public ModbusAdapterFactory(ModbusAdapterConfig config) {
        this.polling = ModbusSettings.Polling.of(config);
    }

    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.MODBUS_TCP;
    }

    /** @return a Modbus TCP adapter, or one reporting {@code CONFIG_ERROR} with the reason when the device's configuration is invalid */
    @Override
    public Adapter create(AdapterContext context, Device device) {
        ModbusSettings settings;
        try {
            settings = ModbusSettings.fromDtm(context, device, polling);
        } catch (IllegalArgumentException e) {
            return Adapters.configError(context.adapterId(), e.getMessage());
        }
        return new ModbusTcpAdapter(settings, context.sink(), context.clock());
    }

    /** @return a simulator on the loopback address at the device's port serving every point of its point maps */
    @Override
    public Optional<AutoCloseable> simulate(Device device) throws IOException {
        AdapterContext context = new AdapterContext("sim-" + device.deviceUuid(), device.deviceType(),
                Classification.TELEMETRY, m -> { }, Clock.systemUTC());
        ModbusSimulator sim = ModbusSimulator.forSettings(ModbusSettings.fromDtm(context, device, polling),
                device.port());
        sim.tickEvery(SIM_TICK_MS);
        return Optional.of(sim);
    }

    @Override
    public Set<String> adapterTypes() {
        return Set.of(TYPE, ModbusConfigEntry.RTU_TYPE);
    }

    @Override
    public List<String> validate(AdapterConfig config) {
        return ModbusConfigEntry.problems(config, polling);
    }

    @Override
    public Adapter create(AdapterContext context, AdapterConfig config) {
        try {
            return new ModbusTcpAdapter(ModbusConfigEntry.settings(config, context, polling), context.sink(),
                    context.clock());
        } catch (IllegalArgumentException e) {
            return Adapters.configError(context.adapterId(), config.origin() + ": " + e.getMessage());
        }
    }

    /**
     * @return a simulator on the loopback address at the entry's port serving every mapped point; empty for a
     *         serial line (SIM mode serves TCP peers; a device server's RTU frames over TCP, transport
     *         {@code rtu_over_tcp}, are simulated)
     */
    @Override
    public Optional<AutoCloseable> simulate(AdapterConfig config) throws IOException {
        ModbusSettings s = ModbusConfigEntry.settings(config, ModbusConfigEntry.context(config), polling);
        if (s.transport() == Transport.RTU) {
            return Optional.empty();
        }
        ModbusSimulator sim = ModbusSimulator.forSettings(s, s.port());
        sim.tickEvery(SIM_TICK_MS);
        return Optional.of(sim);
    }
}

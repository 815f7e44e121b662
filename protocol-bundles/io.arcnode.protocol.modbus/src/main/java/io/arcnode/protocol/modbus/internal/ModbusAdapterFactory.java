package io.arcnode.protocol.modbus.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.Adapters;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ProtocolKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus TCP {@link AdapterFactory} service. Thin: the configuration (optional; PID
 * {@code io.arcnode.protocol.modbus}) gives the polling of every adapter; the adapters are plain Java.
 */
@Component(service = AdapterFactory.class, configurationPid = "io.arcnode.protocol.modbus")
public final class ModbusAdapterFactory implements AdapterFactory {

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
}

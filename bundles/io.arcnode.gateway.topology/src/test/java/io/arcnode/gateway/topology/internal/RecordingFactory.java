package io.arcnode.gateway.topology.internal;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.Normalizer;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A factory whose adapters record start and stop and emit measurements only when the test asks. */
final class RecordingFactory implements AdapterFactory {

    /** One created adapter. */
    static final class FakeAdapter implements Adapter {
        final AdapterContext context;
        final Device device;
        final List<String> events;
        private final Normalizer normalizer;

        FakeAdapter(AdapterContext context, Device device, List<String> events) {
            this.context = context;
            this.device = device;
            this.events = events;
            this.normalizer = new Normalizer(context.clock(), Map.of("adapter_id", context.adapterId()));
        }

        @Override
        public String id() {
            return context.adapterId();
        }

        @Override
        public void start() {
            events.add("start " + device.deviceUuid() + " " + device.host() + ":" + device.port());
        }

        @Override
        public void stop() {
            events.add("stop " + device.deviceUuid());
        }

        @Override
        public AdapterHealth health() {
            return AdapterHealth.of(id(), AdapterStatus.HEALTHY, null);
        }

        /** Hands one reading of {@code parameter} to the sink, as a real adapter's poll cycle would. */
        void emit(String parameter, double value) {
            context.sink().accept(normalizer.measurement(new PointTarget(context.assetId(), parameter, "percent",
                    context.classification()), value, Quality.GOOD, null));
        }
    }

    final List<String> events = new ArrayList<>();
    final List<FakeAdapter> created = new ArrayList<>();
    private final ProtocolKind protocol;

    RecordingFactory(ProtocolKind protocol) {
        this.protocol = protocol;
    }

    @Override
    public ProtocolKind protocol() {
        return protocol;
    }

    @Override
    public Adapter create(AdapterContext context, Device device) {
        FakeAdapter a = new FakeAdapter(context, device, events);
        created.add(a);
        return a;
    }

    FakeAdapter last() {
        return created.get(created.size() - 1);
    }
}

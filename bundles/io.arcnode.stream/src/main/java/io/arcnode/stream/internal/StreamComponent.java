package io.arcnode.stream.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementPublisher;
import io.arcnode.stream.api.ProducerGate;
import io.arcnode.stream.api.PublishAck;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * DS shell around {@link LocalStream}, configured from PID {@code io.arcnode.stream} (the {@code stream} section).
 * Bad configuration is a FAILED health with the reason, and every publish then fails with it.
 */
@Component(configurationPid = "io.arcnode.stream", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {MeasurementPublisher.class, ProducerGate.class, HealthContributor.class})
public final class StreamComponent implements MeasurementPublisher, ProducerGate, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(StreamComponent.class);

    private final LocalStream stream;
    private final String configError;
    private final StreamMetrics metrics;

    @Activate
    public StreamComponent(Map<String, Object> props) {
        LocalStream s = null;
        String error = null;
        try {
            s = new LocalStream(StreamSettings.from(props), Map.of());
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            LOG.error("CONFIG_ERROR: {}", error);
        }
        this.stream = s;
        this.configError = error;
        this.metrics = s == null ? null : StreamMetrics.register(PrometheusRegistry.defaultRegistry, stream::ledger);
    }

    @Override
    public CompletionStage<PublishAck> publish(Measurement measurement) {
        return stream != null ? stream.publish(measurement)
                : CompletableFuture.failedFuture(new IllegalStateException("CONFIG_ERROR: " + configError));
    }

    @Override
    public void block(String reason) {
        if (stream != null) {
            stream.block(reason);
        }
    }

    @Override
    public void unblock() {
        if (stream != null) {
            stream.unblock();
        }
    }

    @Override
    public Optional<String> blocked() {
        return stream != null ? stream.blocked() : Optional.empty();
    }

    @Override
    public ComponentHealth health() {
        return stream != null ? stream.health()
                : new ComponentHealth(LocalStream.HEALTH_NAME, HealthStatus.FAILED, "CONFIG_ERROR: " + configError, true);
    }

    @Deactivate
    void deactivate() {
        if (metrics != null) {
            metrics.unregister();
        }
        if (stream != null) {
            stream.close();
        }
    }
}

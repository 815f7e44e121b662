package io.arcnode.gateway.topology.internal;

import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthRollup;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ProductRoot;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.stream.api.MeasurementPublisher;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.arcnode.http.api.ServiceRegistrations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's topology: loads the last applied DTM from {@code <gateway.data_dir>/topology/dtm.json}, runs its
 * adapters with the {@link AdapterFactory} services present (dynamic: a protocol bundle may come later or go), hands
 * their measurements to the {@link MeasurementPublisher} when there is one, serves {@code /topology} and
 * {@code /measurements} and puts the adapters' counters on {@code /metrics} ({@link AdapterMetrics}). The work is
 * done by {@link TopologyService} and {@link AdapterManager}; this is the OSGi shell.
 */
@Component(immediate = true)
public final class GatewayTopologyComponent {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTopologyComponent.class);

    /** Folder of the topology file, under {@code gateway.data_dir}. */
    static final String TOPOLOGY_FOLDER = "topology";

    private final ArcnodeConfig config;
    private final BundleContext context;
    private final AdapterManager adapters;
    private final ServiceRegistrations registrations;
    private AdapterMetrics metrics;
    private volatile boolean active;


    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeasurementPublisher publisher;

    @Activate
    public GatewayTopologyComponent(@Reference ArcnodeConfig config, BundleContext context) {
        this.config = config;
        this.context = context;
        this.registrations = new ServiceRegistrations(context);
        boolean simulate = Boolean.TRUE.equals(config.section("gateway").get(GatewaySettings.SIMULATE));
        this.adapters = new AdapterManager(m -> {
            MeasurementPublisher p = publisher;
            return p != null ? p.publish(m)
                    : CompletableFuture.failedFuture(new IllegalStateException("no local stream"));
        }, Clock.systemUTC(), simulate ? Simulators.enabled() : Simulators.NONE);
    }

    @Reference(name = "adapterFactory", service = AdapterFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeAdapterFactory")
    void addAdapterFactory(AdapterFactory factory) {
        adapters.addFactory(factory);
    }

    void removeAdapterFactory(AdapterFactory factory) {
        adapters.removeFactory(factory);
    }

    @Reference(name = "configuredAdapterFactory", service = ConfiguredAdapterFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConfiguredAdapterFactory")
    void addConfiguredAdapterFactory(ConfiguredAdapterFactory factory) {
        adapters.addConfiguredFactory(factory);
        if (active) {
            stopOnProblems(adapters.problems(factory));
        }
    }

    void removeConfiguredAdapterFactory(ConfiguredAdapterFactory factory) {
        adapters.removeConfiguredFactory(factory);
    }

    /** A wrong entry of the gateway configuration stops the gateway (exit 78), naming file, key and rule. */
    private boolean stopOnProblems(List<String> problems) {
        if (problems.isEmpty()) {
            return false;
        }
        StartupFailure.stop(context, String.join("\n", problems));
        return true;
    }

    @Activate
    void activate() {
        Path dir = Path.of(String.valueOf(config.section("gateway").get("data_dir"))).resolve(TOPOLOGY_FOLDER);
        TopologyStore store = new TopologyStore(dir);
        TopologyService topology = new TopologyService(store, adapters, Clock.systemUTC());
        try {
            GatewaySettings settings = GatewaySettings.load(config.section("gateway"),
                    context.getProperty(ProductRoot.INSTALL_AREA));
            adapters.configure(settings.adapters());
            if (stopOnProblems(adapters.problems())) {
                return;
            }
            active = true;
            Optional<AppliedTopology> loaded = topology.start();
            if (loaded.isEmpty() && settings.initialDtm() != null) {
                loaded = Optional.of(topology.apply(settings.initialDtm()).topology());
                LOG.info("topology {}: first start, applied gateway.initial_dtm {}", store.file(),
                        settings.initialDtmFile());
            }
            loaded.ifPresentOrElse(
                    t -> LOG.info("topology {}: dtm_version {} ({}, {} device(s)) applied at {}", store.file(),
                            t.dtmVersion(), t.dtm().emsMode().json(), t.dtm().devices().size(), t.appliedAt()),
                    () -> LOG.info("topology {}: none applied yet; POST a DTM to {}", store.file(),
                            TopologyServlet.PATH));
        } catch (IllegalStateException e) {
            StartupFailure.stop(context, e.getMessage());
            return;
        }
        registrations.servlet("arcnode-topology", new TopologyServlet(topology), TopologyServlet.PATH,
                TopologyServlet.PATH + "/*");
        registrations.servlet("arcnode-measurements", new MeasurementsServlet(adapters), MeasurementsServlet.PATH);
        AdapterManager a = adapters;
        registrations.service(HealthContributor.class, () -> health(a));
        metrics = AdapterMetrics.register(PrometheusRegistry.defaultRegistry, adapters);
    }

    /**
     * One non-critical component {@code adapters}: the roll-up of every adapter; the detail names the ones not
     * healthy and the ones with readings lost as stream gaps (the {@code stream} component says why).
     */
    static ComponentHealth health(AdapterManager adapters) {
        List<ComponentHealth> parts = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (AdapterManager.AdapterView v : adapters.adapters()) {
            AdapterHealth h = v.health();
            ComponentHealth c = h.toComponentHealth(false);
            parts.add(c);
            String gaps = v.gaps() > 0 ? ", " + v.gaps() + " reading(s) lost as stream gaps" : "";
            if (c.status() != HealthStatus.HEALTHY || !gaps.isEmpty()) {
                bad.add(c.component() + " " + c.detail() + gaps);
            }
        }
        String detail = parts.size() + " adapter(s), " + adapters.notConnected() + " device(s) without connection"
                + (bad.isEmpty() ? "" : "; " + String.join("; ", bad));
        return new ComponentHealth("adapters", HealthRollup.rollup(parts), detail, false);
    }

    @Deactivate
    void deactivate() {
        active = false;
        registrations.unregisterAll();
        if (metrics != null) {
            metrics.unregister();
            metrics = null;
        }
        adapters.close();
    }
}

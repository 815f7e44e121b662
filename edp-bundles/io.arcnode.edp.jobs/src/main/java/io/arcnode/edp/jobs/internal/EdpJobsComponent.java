package io.arcnode.edp.jobs.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.hardware.api.HardwareMapException;
import io.arcnode.edp.hardware.api.HardwareSelector;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.arcnode.http.api.ServiceRegistrations;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's EDP service: builds the artifact store from the configuration, seeds the assemblies catalogue into
 * it in {@code local} and {@code demo}, loads and validates the hardware selector map (a broken map stops startup
 * naming the file and profile), resumes unfinished jobs and serves {@code /edp-api/jobs} and {@code /artifacts}.
 * The work is done by {@link JobService}, {@link EdpPipeline} and the store; this is the OSGi shell.
 */
@Component(immediate = true)
public final class EdpJobsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EdpJobsComponent.class);

    /** Jobs generated at the same time (the machine has few cores; a 1000-container package takes a few seconds). */
    static final int WORKERS = 2;
    /** Jobs accepted while all workers are busy; one more gets a 503. */
    static final int QUEUE_CAPACITY = 64;
    /** Folder of the job records, under {@code gateway.data_dir}. */
    static final String JOBS_FOLDER = "edp-jobs";

    private final ArcnodeConfig config;
    private final BundleContext context;
    private final ServiceRegistrations registrations;
    private JobService jobs;
    private ArtifactStore store;
    private GaugeWithCallback running;
    private CounterWithCallback finished;

    @Activate
    public EdpJobsComponent(@Reference ArcnodeConfig config, BundleContext context) {
        this.config = config;
        this.context = context;
        this.registrations = new ServiceRegistrations(context);
    }

    @Activate
    void activate() {
        HardwareSelector selector;
        try {
            store = ArtifactStores.fromConfig(config);
            if (ArtifactStores.seedsCatalogue(config.stage())) {
                int seeded = ArtifactStores.seedCatalogue(store);
                LOG.info("artifact store {}: {} assemblies catalogue file(s) seeded", ArtifactStores.describe(config),
                        seeded);
            }
            String mapFile = HardwareMaps.file(context.getProperty(HardwareMaps.PROPERTY),
                    System.getenv(HardwareMaps.ENV));
            selector = HardwareMaps.load(store, mapFile);
            LOG.info("hardware selector map {}: valid, every assembly found in the artifact store",
                    mapFile == null ? "(built-in) " + HardwareSelector.MAP_FILE : mapFile);
        } catch (HardwareMapException e) {
            fail(HardwareMaps.oneLine(e));
            return;
        } catch (ArtifactStores.StoreConfigException e) {
            fail(e.getMessage());
            return;
        } catch (UncheckedIOException e) {
            fail("artifact store " + ArtifactStores.describe(config) + ": " + e.getMessage());
            return;
        }
        EdpPipeline pipeline = EdpPipeline.create(AssemblyCatalogue.load(), selector, store);
        Path jobsDir = Path.of(String.valueOf(config.section("gateway").get("data_dir"))).resolve(JOBS_FOLDER);
        jobs = new JobService(pipeline, store, new JobStore(jobsDir), WORKERS, QUEUE_CAPACITY, Clock.systemUTC());
        jobs.start();
        registrations.servlet("arcnode-edp-jobs", new JobsServlet(jobs), JobService.JOBS_PATH,
                JobService.JOBS_PATH + "/*");
        registrations.servlet("arcnode-artifacts", new ArtifactServlet(store), ArtifactServlet.PATH + "/*");
        JobService j = jobs;
        String where = ArtifactStores.describe(config);
        running = GaugeWithCallback.builder().name("arcnode_edp_jobs_running")
                .help("EDP jobs queued or generating").callback(cb -> cb.call(j.running())).register();
        finished = CounterWithCallback.builder().name("arcnode_edp_jobs")
                .help("EDP jobs since start by outcome: complete, failed, refused (queue full)").labelNames("status")
                .callback(cb -> {
                    cb.call(j.completed(), "complete");
                    cb.call(j.failed(), "failed");
                    cb.call(j.refused(), "refused");
                }).register();
        registrations.service(HealthContributor.class, () -> new ComponentHealth("edp_jobs",
                HealthStatus.HEALTHY, j.running() + " job(s) running; artifact store " + where, false));
    }

    private void fail(String message) {
        closeStore();
        StartupFailure.stop(context, message);
    }

    private void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
        if (running != null) {
            PrometheusRegistry.defaultRegistry.unregister(running);
            PrometheusRegistry.defaultRegistry.unregister(finished);
            running = null;
            finished = null;
        }
        if (jobs != null) {
            jobs.close();
            jobs = null;
        }
        closeStore();
    }
}

package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.EdpGenerator;
import io.arcnode.edp.pipeline.api.EdpPlan;
import io.arcnode.edp.pipeline.api.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The offline EDP generator service (what the workbench calls) inside Equinox: it generates a whole package into a
 * local folder, so every generator library (PDFBox, POI/xmlbeans, Jackson YAML) works under OSGi class loading.
 */
class EdpGeneratorInOsgiTest {

    private static final String PAYLOAD = "{\"deployment_id\":\"2c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\","
            + "\"operator_org\":\"Northwind Power\",\"deployment_site_name\":\"Site Alpha\","
            + "\"contact_email\":\"ops@example.com\",\"energy_source\":\"grid_hybrid\",\"source_capacity_mw\":12.0,"
            + "\"primary_workload\":\"mixed\",\"gpu_variant\":\"b200\",\"target_gpu_count\":120,"
            + "\"bess_coupling\":\"dc_integrated_pcs\",\"bess_capacity_mwh\":3.5,\"grid_connection\":\"grid_backup\","
            + "\"climate_zone\":\"subarctic\",\"deployment_context\":\"sovereign_government\","
            + "\"aws_partition\":\"govcloud\"}";

    @Test
    void theOfflineServiceWritesAWholePackage() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(EdpGeneratorInOsgiTest.class).getBundleContext();
        ServiceTracker<EdpGenerator, EdpGenerator> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + EdpGenerator.class.getName() + ")(arcnode.edp.source=bundled))"),
                null);
        tracker.open();
        try {
            EdpGenerator generator = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            assertNotNull(generator, "no offline EdpGenerator service");
            EdpPlan plan = generator.plan(ConfiguratorPayloads.parse(PAYLOAD));
            assertEquals("federal_dc_int", plan.resolution().deploymentProfile().json());
            Path dir = Files.createTempDirectory("edp-osgi");
            generator.run(plan, ArtifactStore.folder(dir), ProgressListener.NONE);
            for (ArtifactRef ref : plan.artifacts()) {
                Path f = dir.resolve(ArtifactPlan.key(ref));
                assertTrue(Files.size(f) > 100, f + " is missing or tiny");
            }
            byte[] xlsx = Files.readAllBytes(dir.resolve("edp/" + plan.resolution().deploymentId() + "/bom.xlsx"));
            assertEquals('P', xlsx[0]);
            assertEquals('K', xlsx[1]);
        } finally {
            tracker.close();
        }
    }
}

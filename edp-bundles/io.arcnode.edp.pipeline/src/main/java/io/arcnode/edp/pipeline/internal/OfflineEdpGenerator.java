package io.arcnode.edp.pipeline.internal;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpGenerator;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import io.arcnode.edp.pipeline.api.EdpPlan;
import io.arcnode.edp.pipeline.api.ProgressListener;
import org.osgi.service.component.annotations.Component;

/**
 * The offline {@link EdpGenerator} service (property {@code arcnode.edp.source=bundled}): the shipped catalogue and
 * map, nothing else. Delayed: the catalogue files are built on the first use of the service.
 */
@Component(service = EdpGenerator.class, property = "arcnode.edp.source=bundled")
public final class OfflineEdpGenerator implements EdpGenerator {

    private final EdpPipeline pipeline = EdpPipeline.offline();

    @Override
    public EdpPlan plan(ConfiguratorPayload payload) {
        return pipeline.plan(payload);
    }

    @Override
    public void run(EdpPlan plan, ArtifactStore target, ProgressListener listener) throws ArtifactStoreException {
        pipeline.run(plan, target, listener);
    }
}

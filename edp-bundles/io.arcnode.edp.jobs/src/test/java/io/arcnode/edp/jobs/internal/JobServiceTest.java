package io.arcnode.edp.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.JobCreated;
import io.arcnode.api.edp.JobResult;
import io.arcnode.api.edp.JobStatus;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobServiceTest {

    private static final EdpPipeline PIPELINE = EdpPipeline.offline();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(60);

    static ConfiguratorPayload payload(UUID id, DeploymentContext context, BessCoupling coupling) {
        AwsPartition partition = context == DeploymentContext.COMMERCIAL ? AwsPartition.STANDARD : AwsPartition.NONE;
        return new ConfiguratorPayload(id, "Northwind Power", "Site Alpha", "ops@example.com", EnergySource.SOLAR,
                20.0, PrimaryWorkload.MIXED, GpuVariant.B200, 100, coupling,
                coupling == BessCoupling.NONE ? 0 : 4.0, GridConnection.GRID_TIED, ClimateZone.TROPICAL, context,
                partition);
    }

    static ConfiguratorPayload payload() {
        return payload(UUID.fromString("0f6a3c55-1b2d-4e8f-9a7b-6c5d4e3f2a10"), DeploymentContext.COMMERCIAL,
                BessCoupling.AC_COUPLED);
    }

    /** A store that only takes writes (what a job does); reads find nothing. */
    @FunctionalInterface
    interface WriteOnlyStore extends ArtifactStore {
        @Override
        default Optional<byte[]> get(String key) {
            return Optional.empty();
        }

        @Override
        default boolean exists(String key) {
            return false;
        }
    }

    private static JobService service(ArtifactStore store, Path jobs, int workers, int queue) {
        return new JobService(PIPELINE, store, new JobStore(jobs), workers, queue, CLOCK);
    }

    @Test
    void aJobWritesEveryPlannedArtifactAndCompletes(@TempDir Path dir) throws Exception {
        ArtifactStore store = ArtifactStore.folder(dir.resolve("artifacts"));
        try (JobService jobs = service(store, dir.resolve("jobs"), 2, 4)) {
            jobs.start();
            JobCreated created = jobs.submit(payload());
            assertEquals("/edp-api/jobs/" + created.jobId(), created.statusUrl());
            assertEquals(PIPELINE.plan(payload()).artifacts(), created.edpArtifactUrls(), "URLs known at POST time");
            JobResult result = jobs.await(created.jobId(), WAIT).orElseThrow();
            assertEquals(JobStatus.COMPLETE, result.status(), result.error());
            assertNull(result.error());
            assertEquals(List.of(1L, 0L, 0L), List.of(jobs.completed(), jobs.failed(), jobs.refused()));
            for (var ref : created.edpArtifactUrls()) {
                assertTrue(store.exists(ArtifactPlan.key(ref)), ref.url());
            }
        }
    }

    @Test
    void jobRecordsSurviveARestartAndUnfinishedJobsResume(@TempDir Path dir) throws Exception {
        ArtifactStore store = ArtifactStore.folder(dir.resolve("artifacts"));
        UUID done;
        try (JobService jobs = service(store, dir.resolve("jobs"), 1, 4)) {
            jobs.start();
            done = jobs.submit(payload()).jobId();
            assertEquals(JobStatus.COMPLETE, jobs.await(done, WAIT).orElseThrow().status());
        }
        // a job that was still running when the platform stopped: its record says running, nothing was written
        ConfiguratorPayload other = payload(UUID.fromString("7e1d2c3b-4a59-4687-b6c5-d4e3f2a1b0c9"),
                DeploymentContext.SOVEREIGN_GOVERNMENT, BessCoupling.DC_EXTERNAL_PCS);
        UUID interrupted = UUID.fromString("11111111-2222-4333-8444-555555555555");
        var plan = PIPELINE.plan(other);
        new JobStore(dir.resolve("jobs")).save(new JobRecord(interrupted, other.deploymentId(), JobStatus.RUNNING,
                plan.artifacts(), null, io.arcnode.api.ArcnodeJson.mapper().valueToTree(other), "2026-12-01T07:00:00Z",
                null));
        Files.writeString(dir.resolve("jobs").resolve("garbage.json"), "{ not json");
        try (JobService restarted = service(store, dir.resolve("jobs"), 1, 4)) {
            assertEquals(1, restarted.start(), "the running job is queued again");
            assertEquals(JobStatus.COMPLETE, restarted.result(done).orElseThrow().status());
            JobResult resumed = restarted.await(interrupted, WAIT).orElseThrow();
            assertEquals(JobStatus.COMPLETE, resumed.status(), resumed.error());
            assertTrue(store.exists(ArtifactPlan.key(plan.artifacts().get(plan.artifacts().size() - 1))));
        }
    }

    @Test
    void aStoreFailureFailsTheJobWithTheKeyInError(@TempDir Path dir) throws Exception {
        ArtifactStore failing = (WriteOnlyStore) (key, bytes) -> {
            if (key.endsWith("/comms.pdf")) {
                throw new ArtifactStoreException(key, "write", new IOException("No space left on device"));
            }
        };
        try (JobService jobs = service(failing, dir.resolve("jobs"), 1, 4)) {
            jobs.start();
            UUID id = jobs.submit(payload()).jobId();
            JobResult r = jobs.await(id, WAIT).orElseThrow();
            assertEquals(JobStatus.FAILED, r.status());
            assertTrue(r.error().contains("edp/" + payload().deploymentId() + "/comms.pdf"), r.error());
            assertTrue(r.error().contains("No space left on device"), r.error());
            assertEquals(r.edpArtifactUrls(), PIPELINE.plan(payload()).artifacts(), "URLs stay listed");
            assertEquals(List.of(0L, 1L), List.of(jobs.completed(), jobs.failed()));
        }
        // the failed result is on disk too
        try (JobService again = service(failing, dir.resolve("jobs"), 1, 4)) {
            assertEquals(0, again.start());
        }
    }

    @Test
    void aFullQueueRefusesTheJobWithoutRecordingIt(@TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        ArtifactStore blocking = (WriteOnlyStore) (key, bytes) -> {
            firstWriteStarted.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Path jobsDir = dir.resolve("jobs");
        try (JobService jobs = service(blocking, jobsDir, 1, 1)) {
            jobs.start();
            UUID running = jobs.submit(payload()).jobId();
            assertTrue(firstWriteStarted.await(60, TimeUnit.SECONDS), "first job never started");
            UUID queued = jobs.submit(payload()).jobId();
            JobsBusyException busy = assertThrows(JobsBusyException.class, () -> jobs.submit(payload()));
            assertTrue(busy.getMessage().contains("retry later"), busy.getMessage());
            assertEquals(1, jobs.refused());
            try (var files = Files.list(jobsDir)) {
                assertEquals(2, files.count(), "the refused job left no record");
            }
            release.countDown();
            assertEquals(JobStatus.COMPLETE, jobs.await(running, WAIT).orElseThrow().status());
            assertEquals(JobStatus.COMPLETE, jobs.await(queued, WAIT).orElseThrow().status());
        }
    }

    @Test
    void anInvalidPayloadIsRefusedAndNothingIsRecorded(@TempDir Path dir) throws Exception {
        ConfiguratorPayload dodDcInt = payload(UUID.randomUUID(), DeploymentContext.DEFENSE_FORWARD,
                BessCoupling.DC_INTEGRATED_PCS);
        try (JobService jobs = service(ArtifactStore.folder(dir.resolve("a")), dir.resolve("jobs"), 1, 1)) {
            jobs.start();
            ValidationException e = assertThrows(ValidationException.class, () -> jobs.submit(dodDcInt));
            assertEquals(List.of("dod_excludes_dc_integrated_pcs"),
                    e.violations().stream().map(v -> v.rule()).toList());
            assertTrue(Files.notExists(dir.resolve("jobs")));
            assertTrue(jobs.result(UUID.randomUUID()).isEmpty());
        }
    }
}

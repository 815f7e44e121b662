package io.arcnode.edp.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.JobCreated;
import io.arcnode.api.edp.JobResult;
import io.arcnode.api.edp.JobStatus;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpGenerator;
import io.arcnode.edp.pipeline.api.EdpPlan;
import io.arcnode.edp.pipeline.api.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spec 002's jobs: {@link #submit} validates and plans the package (all URLs known at once), records the job as
 * {@code running} and queues it on a bounded executor; a worker runs the pipeline into the artifact store and records
 * {@code complete} or {@code failed} with the reason (a store failure names its key). Records are kept in a
 * {@link JobStore}; jobs still {@code running} when the platform stopped are queued again by {@link #start()} (the
 * pipeline is deterministic and every write is a whole-object replace, so running a job twice is safe).
 */
public final class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    /** The path of a job's status: {@code /edp-api/jobs/{job_id}}. */
    public static final String JOBS_PATH = "/edp-api/jobs";

    private final EdpGenerator pipeline;
    private final ArtifactStore store;
    private final JobStore jobStore;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, JobRecord> jobs = new ConcurrentHashMap<>();
    /** Completed when the job is no longer running (for callers that wait: tests, the workbench). */
    private final Map<UUID, CompletableFuture<JobResult>> done = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param workers       jobs generated at the same time
     * @param queueCapacity jobs accepted while all workers are busy; one more is refused ({@link JobsBusyException})
     */
    public JobService(EdpGenerator pipeline, ArtifactStore store, JobStore jobStore, int workers, int queueCapacity,
            Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.store = Objects.requireNonNull(store, "store");
        this.jobStore = Objects.requireNonNull(jobStore, "jobStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "arcnode-edp-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Loads the job store and queues every job that was still running.
     *
     * @return the number of jobs queued again
     */
    public int start() {
        List<JobStore.Unreadable> unreadable = new ArrayList<>();
        List<JobRecord> records = jobStore.loadAll(unreadable);
        for (JobStore.Unreadable u : unreadable) {
            LOG.warn("job store: {} is not a job record and is ignored: {}", u.file(), u.reason());
        }
        int resumed = 0;
        for (JobRecord r : records) {
            jobs.put(r.jobId(), r);
            if (r.status() == JobStatus.RUNNING) {
                try {
                    EdpPlan plan = pipeline.plan(ConfiguratorPayloads.parse(r.payload()));
                    executor.execute(() -> generate(r.jobId(), plan));
                    resumed++;
                } catch (ValidationException | RejectedExecutionException e) {
                    finish(r.failed("cannot resume after restart: " + e.getMessage(), now()));
                }
            }
        }
        LOG.info("job store {}: {} job(s), {} resumed", jobStore.dir(), records.size(), resumed);
        return resumed;
    }

    /**
     * @throws ValidationException naming every field and rule the payload breaks (a 422)
     * @throws JobsBusyException   when the queue is full (a 503)
     */
    public JobCreated submit(ConfiguratorPayload payload) throws JobsBusyException {
        EdpPlan plan = pipeline.plan(payload);
        UUID jobId = UUID.randomUUID();
        JsonNode json = ArcnodeJson.mapper().valueToTree(payload);
        JobRecord record = new JobRecord(jobId, payload.deploymentId(), JobStatus.RUNNING, plan.artifacts(), null,
                json, now(), null);
        synchronized (executor) { // so that a refused job is never recorded
            if (executor.getQueue().remainingCapacity() == 0) {
                refused.incrementAndGet();
                throw new JobsBusyException(executor.getQueue().size() + " jobs are waiting; retry later");
            }
            jobStore.save(record);
            jobs.put(jobId, record);
            executor.execute(() -> generate(jobId, plan));
        }
        LOG.info("EDP job {} accepted: deployment {}, profile {}, {} artifacts", jobId, payload.deploymentId(),
                plan.resolution().deploymentProfile().json(), plan.artifacts().size());
        return new JobCreated(jobId, statusUrl(jobId), plan.artifacts());
    }

    public Optional<JobResult> result(UUID jobId) {
        JobRecord r = jobs.get(jobId);
        return r == null ? Optional.empty() : Optional.of(r.result());
    }

    /**
     * Waits until a job is complete or failed.
     *
     * @return its result, or empty when there is no such job or it still runs after {@code timeout}
     */
    public Optional<JobResult> await(UUID jobId, Duration timeout) throws InterruptedException {
        JobRecord r = jobs.get(jobId);
        if (r == null) {
            return Optional.empty();
        }
        if (r.status() != JobStatus.RUNNING) {
            return Optional.of(r.result());
        }
        try {
            return Optional.of(future(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<JobResult> future(UUID jobId) {
        CompletableFuture<JobResult> f = done.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        JobRecord r = jobs.get(jobId);
        if (r != null && r.status() != JobStatus.RUNNING) {
            f.complete(r.result());
        }
        return f;
    }

    /** @return jobs finished {@code complete}, {@code failed}, and refused because the queue was full, since start */
    public long completed() {
        return completed.get();
    }

    public long failed() {
        return failed.get();
    }

    public long refused() {
        return refused.get();
    }

    /** @return running (queued or generating) jobs */
    public long running() {
        return jobs.values().stream().filter(r -> r.status() == JobStatus.RUNNING).count();
    }

    public static String statusUrl(UUID jobId) {
        return JOBS_PATH + "/" + jobId;
    }

    private void generate(UUID jobId, EdpPlan plan) {
        JobRecord record = jobs.get(jobId);
        long t0 = System.nanoTime();
        try {
            pipeline.run(plan, store, ProgressListener.NONE);
            finish(record.complete(now()));
            LOG.info("EDP job {} complete: {} artifacts in {} ms", jobId, plan.artifacts().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (ArtifactStoreException e) {
            if (closing) { // interrupted by the shutdown: stays running, resumes at the next start
                LOG.info("EDP job {} interrupted by shutdown; it resumes at the next start", jobId);
                return;
            }
            finish(record.failed(e.getMessage(), now()));
            LOG.warn("EDP job {} failed: {}", jobId, e.getMessage());
        } catch (RuntimeException e) {
            finish(record.failed("internal error: " + e, now()));
            LOG.error("EDP job {} failed with an internal error", jobId, e);
        }
    }

    private void finish(JobRecord record) {
        jobs.put(record.jobId(), record);
        (record.status() == JobStatus.COMPLETE ? completed : failed).incrementAndGet();
        CompletableFuture<JobResult> waiting = done.remove(record.jobId());
        if (waiting != null) {
            waiting.complete(record.result());
        }
        try {
            jobStore.save(record);
        } catch (RuntimeException e) {
            LOG.error("EDP job {}: result {} could not be recorded and will be recomputed after a restart: {}",
                    record.jobId(), record.status().json(), e.getMessage());
        }
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Stops taking jobs and waits a bounded time for running ones; unfinished jobs resume at the next start. */
    @Override
    public void close() {
        closing = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("EDP jobs still running at shutdown; they resume at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

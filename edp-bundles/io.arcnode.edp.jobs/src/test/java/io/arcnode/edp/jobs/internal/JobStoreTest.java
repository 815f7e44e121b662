package io.arcnode.edp.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.JobStatus;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {

    @Test
    void aRecordReadsBackEqualAndBadFilesAreReportedNotFatal(@TempDir Path dir) throws Exception {
        var payload = JobServiceTest.payload();
        var plan = EdpPipeline.offline().plan(payload);
        JobRecord r = new JobRecord(UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), payload.deploymentId(),
                JobStatus.RUNNING, plan.artifacts(), null, ArcnodeJson.mapper().valueToTree(payload),
                "2026-12-01T08:00:00Z", null);
        JobStore store = new JobStore(dir);
        store.save(r);
        store.save(r.failed("artifact store: cannot write 'edp/x/bom.json': disk full", "2026-12-01T08:00:01Z"));
        Files.writeString(dir.resolve("broken.json"), "[]");
        Files.writeString(dir.resolve("bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee.json"), new String(
                Files.readAllBytes(dir.resolve(r.jobId() + ".json"))));
        List<JobStore.Unreadable> bad = new ArrayList<>();
        List<JobRecord> all = store.loadAll(bad);
        assertEquals(1, all.size());
        assertEquals(JobStatus.FAILED, all.get(0).status());
        assertEquals(plan.artifacts(), all.get(0).artifacts());
        assertEquals(r.payload(), all.get(0).payload());
        assertEquals(2, bad.size(), "not an object + job_id / file name mismatch: " + bad);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void jobIdsAreCanonicalUuids() {
        assertTrue(JobStore.isJobId("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"));
        assertFalse(JobStore.isJobId("../../etc/passwd"));
        assertFalse(JobStore.isJobId("1-1-1-1-1"));
        assertFalse(JobStore.isJobId(""));
    }
}

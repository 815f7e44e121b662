package io.arcnode.edp.jobs.internal;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.JobCreated;
import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code POST /edp-api/jobs} (ConfiguratorPayload) -> {@code 202 {job_id, status_url, edp_artifact_urls[]}};
 * {@code GET /edp-api/jobs/{job_id}} -> {@code {status, edp_artifact_urls[], error}}.
 */
public final class JobsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Largest accepted payload; a ConfiguratorPayload is well under 1 KiB. */
    static final int MAX_BODY = 64 * 1024;

    private final transient JobService jobs;

    public JobsServlet(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sub = req.getPathInfo();
        if (sub != null && !sub.equals("/")) {
            HttpErrors.write(resp, 404, "not found", "POST " + req.getRequestURI()
                    + " is not served; submit a ConfiguratorPayload to POST " + JobService.JOBS_PATH);
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            HttpErrors.write(resp, 413, "payload too large", "a ConfiguratorPayload is at most " + MAX_BODY
                    + " bytes");
            return;
        }
        ConfiguratorPayload payload;
        JobCreated created;
        try {
            payload = ConfiguratorPayloads.parse(new String(body, StandardCharsets.UTF_8));
            created = jobs.submit(payload);
        } catch (ValidationException e) {
            HttpErrors.unprocessable(resp, e);
            return;
        } catch (JobsBusyException e) {
            resp.setHeader("Retry-After", "5");
            HttpErrors.write(resp, 503, "EDP job queue is full", e.getMessage());
            return;
        }
        resp.setHeader("Location", created.statusUrl());
        HttpErrors.write(resp, 202, ArcnodeJson.mapper().valueToTree(created));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sub = req.getPathInfo();
        String id = sub == null || sub.length() < 2 ? null : sub.substring(1);
        if (id == null || !JobStore.isJobId(id)) {
            HttpErrors.write(resp, 404, "not found", "no EDP job at " + req.getRequestURI()
                    + "; poll GET " + JobService.JOBS_PATH + "/{job_id} with the job_id of the 202 answer");
            return;
        }
        var result = jobs.result(UUID.fromString(id));
        if (result.isEmpty()) {
            HttpErrors.write(resp, 404, "not found", "no EDP job " + id);
            return;
        }
        HttpErrors.write(resp, 200, ArcnodeJson.mapper().valueToTree(result.get()));
    }
}

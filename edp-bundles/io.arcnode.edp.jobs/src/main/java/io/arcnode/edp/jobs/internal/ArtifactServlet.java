package io.arcnode.edp.jobs.internal;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.IllegalArtifactKeyException;
import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /artifacts/<key>}: the object {@code s3://arcnode-artifacts/<key>} of the artifact store, e.g.
 * {@code /artifacts/edp/{deployment_id}/bom.json}. The key is checked with the store's key rule before the store is
 * touched: {@code ..}, {@code .}, empty or dot-led segments, backslashes and absolute paths are refused with 400.
 */
public final class ArtifactServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/artifacts";

    private final transient ArtifactStore store;

    public ArtifactServlet(ArtifactStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sub = req.getPathInfo();
        String key = sub == null || sub.isEmpty() ? "" : sub.substring(1);
        try {
            ArtifactStore.checkKey(key);
        } catch (IllegalArtifactKeyException e) {
            HttpErrors.write(resp, 400, "refused artifact path", e.getMessage());
            return;
        }
        Optional<byte[]> bytes;
        try {
            bytes = store.get(key);
        } catch (ArtifactStoreException e) {
            HttpErrors.write(resp, 503, "artifact store unavailable", e.getMessage());
            return;
        }
        if (bytes.isEmpty()) {
            HttpErrors.write(resp, 404, "not found", "no artifact " + ArtifactStore.URL_PREFIX + key);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(ArtifactStore.contentType(key));
        resp.setContentLength(bytes.get().length);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.getOutputStream().write(bytes.get());
    }
}

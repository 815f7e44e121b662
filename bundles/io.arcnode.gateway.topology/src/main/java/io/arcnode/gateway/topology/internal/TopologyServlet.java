package io.arcnode.gateway.topology.internal;

import io.arcnode.api.ValidationException;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /topology} -> {@code 200 {dtm_version, applied_at, dtm}}, or 404 before the first apply;
 * {@code POST /topology} (a DTM) -> 422 listing every violation, or {@code 200 {dtm_version, applied_at, dtm,
 * reconciliation}}.
 */
public final class TopologyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Path of the servlet. */
    static final String PATH = "/topology";
    /** Largest accepted DTM; 1000 containers with a dozen devices each are a few MiB. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final transient TopologyService topology;

    public TopologyServlet(TopologyService topology) {
        this.topology = topology;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!atRoot(req, resp)) {
            return;
        }
        Optional<AppliedTopology> current = topology.current();
        if (current.isEmpty()) {
            HttpErrors.write(resp, 404, "no topology", "no DTM has been applied to this gateway yet; POST one to "
                    + PATH);
            return;
        }
        HttpErrors.write(resp, 200, current.get().toJson());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!atRoot(req, resp)) {
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            HttpErrors.write(resp, 413, "payload too large", "a DTM is at most " + MAX_BODY + " bytes");
            return;
        }
        Dtm dtm;
        try {
            dtm = Dtms.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ValidationException e) {
            HttpErrors.unprocessable(resp, e);
            return;
        }
        TopologyService.Applied applied;
        try {
            applied = topology.apply(dtm);
        } catch (UncheckedIOException e) {
            HttpErrors.write(resp, 500, "topology not applied", e.getMessage());
            return;
        }
        HttpErrors.write(resp, 200, Responses.applied(applied));
    }

    private static boolean atRoot(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sub = req.getPathInfo();
        if (sub == null || sub.equals("/")) {
            return true;
        }
        HttpErrors.write(resp, 404, "not found", req.getMethod() + " " + req.getRequestURI() + " is not served; use "
                + PATH);
        return false;
    }
}

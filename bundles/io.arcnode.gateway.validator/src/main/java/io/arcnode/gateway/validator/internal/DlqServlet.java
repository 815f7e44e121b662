package io.arcnode.gateway.validator.internal;

import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/dlq}: the servlet shell of {@link DlqApi} (what it serves is documented there and in the README). */
public final class DlqServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Largest accepted body (a rules file or a list of ids). */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final transient DlqApi api;

    public DlqServlet(DlqApi api) {
        this.api = api;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0]));
        write(resp, api.get(sub(req), query));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = body(req, resp);
        if (body != null) {
            write(resp, api.post(sub(req), body));
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = body(req, resp);
        if (body != null) {
            write(resp, api.put(sub(req), body, req.getParameter("by")));
        }
    }

    private static String sub(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null || p.equals("/") ? "" : p;
    }

    private static String body(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] b;
        try (InputStream in = req.getInputStream()) {
            b = in.readNBytes(MAX_BODY + 1);
        }
        if (b.length > MAX_BODY) {
            HttpErrors.write(resp, 413, "payload too large", "a body is at most " + MAX_BODY + " bytes");
            return null;
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void write(HttpServletResponse resp, DlqApi.Response r) throws IOException {
        HttpErrors.write(resp, r.status(), r.body());
    }
}

package io.arcnode.gateway.alarms.internal;

import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /api/v1/alarms}: moves bytes between HTTP and the {@link AlarmApi}. */
final class AlarmsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;

    private final transient AlarmApi api;

    AlarmsServlet(AlarmApi api) {
        this.api = api;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlarmApi.Response r = api.get(req.getPathInfo(), req.getParameterMap());
        HttpErrors.write(resp, r.status(), r.body());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            HttpErrors.write(resp, 413, "body too large", "at most " + MAX_BODY + " bytes");
            return;
        }
        AlarmApi.Response r = api.post(req.getPathInfo(), body);
        HttpErrors.write(resp, r.status(), r.body());
    }
}

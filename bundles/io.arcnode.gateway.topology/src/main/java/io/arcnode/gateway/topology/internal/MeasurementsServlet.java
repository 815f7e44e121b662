package io.arcnode.gateway.topology.internal;

import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /measurements} -> counts per adapter and the last value per {@code asset_id/parameter}. */
public final class MeasurementsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Path of the servlet. */
    static final String PATH = "/measurements";

    private final transient AdapterManager adapters;

    public MeasurementsServlet(AdapterManager adapters) {
        this.adapters = adapters;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpErrors.write(resp, 200, Responses.measurements(adapters.adapters(), adapters.notConnected(),
                adapters.publishedByTopic(), adapters.lastValues()));
    }
}

package io.arcnode.http.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The default servlet: an unknown path answers a JSON 404 that says where to look, never an HTML page. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=arcnode-not-found" })
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpErrors.write(resp, 404, "not found",
                req.getMethod() + " " + req.getRequestURI() + " is not served here; health is at /health");
    }
}

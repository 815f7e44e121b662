package io.arcnode.workbench.commissioning.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A gateway the workbench talks to: a name for people, the gateway's base URL and, when the gateway sits behind
 * authentication, the user name. The password is never part of this record; {@link GatewayConnections} keeps it in
 * its protected file.
 *
 * @param name a unique, non-blank name ("site A gateway")
 * @param url  the gateway's base URL ({@code http://10.0.0.5:8080/})
 * @param user the user for HTTP basic authentication, "" for none
 */
public record GatewayConnection(String name, URI url, String user) {

    /** Trims the name, makes a null user "". */
    public GatewayConnection {
        name = name == null ? "" : name.strip();
        user = user == null ? "" : user.strip();
    }

    /**
     * Checks what a person typed for a connection.
     *
     * @return the problem in words, or {@code null} when {@code name} and {@code url} make a connection
     */
    public static String check(String name, String url) {
        if (name == null || name.isBlank()) {
            return "name: must not be blank";
        }
        if (name.strip().length() > 80) {
            return "name: at most 80 characters";
        }
        return checkUrl(url);
    }

    /** @return the problem with {@code url} in words, or {@code null} when it is an http(s) URL with a host */
    public static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return "URL: must not be blank";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "URL: not a URL (" + e.getReason() + ")";
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return "URL: must start with http:// or https://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "URL: must name a host";
        }
        return null;
    }

    /** @return the URL of {@code path} (no leading slash) on this gateway */
    URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}

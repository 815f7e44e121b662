package io.arcnode.workbench.internal;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.Preferences;

/**
 * The workbench's settings: the instance preferences of this bundle (the Preferences pages write them), a system
 * property on the command line before them (how the UI tests and a scripted start set them), then the defaults.
 *
 * <table>
 * <tr><th>preference</th><th>system property</th><th>default</th></tr>
 * <tr><td>{@code workspace_folder}</td><td>{@code arcnode.workspace}</td><td>{@code ~/ArcNode/orders}</td></tr>
 * <tr><td>{@code platform_url}</td><td>{@code arcnode.platform.url}</td><td>{@code http://localhost:8080/}</td></tr>
 * </table>
 */
public final class WorkbenchSettings {

    /** The preference node: this bundle's symbolic name. */
    public static final String NODE = "io.arcnode.workbench";
    public static final String WORKSPACE_FOLDER = "workspace_folder";
    public static final String PLATFORM_URL = "platform_url";

    private WorkbenchSettings() {
    }

    /** @return the folder of the engineer's orders */
    public static Path workspaceFolder() {
        return Path.of(value(WORKSPACE_FOLDER, "arcnode.workspace",
                Path.of(System.getProperty("user.home"), "ArcNode", "orders").toString()));
    }

    /** @return the platform orders are submitted to */
    public static URI platformUrl() {
        return URI.create(value(PLATFORM_URL, "arcnode.platform.url", "http://localhost:8080/"));
    }

    private static String value(String key, String property, String fallback) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p;
        }
        Preferences prefs = InstanceScope.INSTANCE.getNode(NODE);
        String v = prefs.get(key, null);
        return v == null || v.isBlank() ? fallback : v;
    }
}

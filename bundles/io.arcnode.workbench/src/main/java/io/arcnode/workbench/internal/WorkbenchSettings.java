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
 * <tr><td>{@code refresh_seconds}</td><td>{@code arcnode.refresh.seconds}</td><td>{@code 1}</td></tr>
 * </table>
 */
public final class WorkbenchSettings {

    /** The preference node: this bundle's symbolic name. */
    public static final String NODE = "io.arcnode.workbench";
    public static final String WORKSPACE_FOLDER = "workspace_folder";
    public static final String PLATFORM_URL = "platform_url";
    public static final String REFRESH_SECONDS = "refresh_seconds";
    /** The system properties that win over the preferences, by preference key. */
    public static final java.util.Map<String, String> PROPERTIES = java.util.Map.of(WORKSPACE_FOLDER,
            "arcnode.workspace", PLATFORM_URL, "arcnode.platform.url", REFRESH_SECONDS, "arcnode.refresh.seconds");

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

    /** @return how often live views refresh, in seconds (1 to 60) */
    public static int refreshSeconds() {
        try {
            int s = Integer.parseInt(value(REFRESH_SECONDS, "arcnode.refresh.seconds", "1").strip());
            return Math.max(1, Math.min(60, s));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Stores the three preferences (the Preferences dialog; values already checked by {@link SettingsCheck}).
     *
     * @throws org.osgi.service.prefs.BackingStoreException if they cannot be written
     */
    public static void save(String platformUrl, String workspaceFolder, int refreshSeconds)
            throws org.osgi.service.prefs.BackingStoreException {
        Preferences prefs = InstanceScope.INSTANCE.getNode(NODE);
        prefs.put(PLATFORM_URL, platformUrl.strip());
        prefs.put(WORKSPACE_FOLDER, workspaceFolder.strip());
        prefs.putInt(REFRESH_SECONDS, refreshSeconds);
        prefs.flush();
    }

    /** @return the system property that overrides {@code key} on this start, null when none does */
    public static String overriddenBy(String key) {
        String property = PROPERTIES.get(key);
        String v = property == null ? null : System.getProperty(property);
        return v == null || v.isBlank() ? null : property;
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

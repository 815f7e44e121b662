package io.arcnode.workbench.internal;

import io.arcnode.workbench.orders.api.PlatformClient;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** The Preferences dialog's checks, as you type; plain Java. Each returns the problem, or null when fine. */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /** @return why {@code text} is no platform URL (the submission client's own rule), null when it is one */
    public static String platformUrl(String text) {
        try {
            new PlatformClient(URI.create(text.strip()), Duration.ofSeconds(5));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** @return why {@code text} is no workspace folder: it must be an absolute path; null when it is one */
    public static String workspaceFolder(String text) {
        try {
            if (text.isBlank() || !Path.of(text.strip()).isAbsolute()) {
                return "workspace folder '" + text + "' must be an absolute path, e.g. /home/engineer/ArcNode/orders";
            }
            return null;
        } catch (InvalidPathException e) {
            return "workspace folder '" + text + "' is not a path: " + e.getReason();
        }
    }

    /** @return why {@code seconds} is no refresh rate (1 to 60 s), null when it is one */
    public static String refreshSeconds(int seconds) {
        return seconds >= 1 && seconds <= 60 ? null : "refresh rate " + seconds + " s must be between 1 and 60 s";
    }
}

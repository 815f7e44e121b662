package io.arcnode.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingsCheckTest {

    @Test
    void platformUrlsAreTheSubmissionClientsRule() {
        assertNull(SettingsCheck.platformUrl("https://platform.example.com/"));
        assertNull(SettingsCheck.platformUrl(" http://10.0.0.5:8080 "));
        assertTrue(SettingsCheck.platformUrl("ftp://platform.example.com/").contains("must be http:// or https://"));
        assertTrue(SettingsCheck.platformUrl("platform").contains("must be http:// or https://"));
        assertTrue(SettingsCheck.platformUrl("http://bad host/") != null, "not a URI at all");
    }

    @Test
    void theWorkspaceIsAnAbsoluteFolderAndTheRefreshRateOneToSixtySeconds() {
        assertNull(SettingsCheck.workspaceFolder("/home/engineer/ArcNode/orders"));
        assertEquals("workspace folder 'orders' must be an absolute path, e.g. /home/engineer/ArcNode/orders",
                SettingsCheck.workspaceFolder("orders"));
        assertTrue(SettingsCheck.workspaceFolder(" ").contains("must be an absolute path"));
        assertNull(SettingsCheck.refreshSeconds(1));
        assertNull(SettingsCheck.refreshSeconds(60));
        assertEquals("refresh rate 0 s must be between 1 and 60 s", SettingsCheck.refreshSeconds(0));
    }
}

package io.arcnode.config.api;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a product whose configuration (or a configured file such as the hardware selector map) is wrong: logs the
 * one message, prints {@code ArcNode: configuration error: <message>} to {@code System.err}, sets
 * {@code arcnode.exit.code=78} and stops the framework, then exits the JVM with 78 (EX_CONFIG) unless the framework
 * property {@code arcnode.config.noexit=true} (tests).
 */
public final class StartupFailure {

    /** Exit code for a configuration error (EX_CONFIG from sysexits.h). */
    public static final int EXIT_CONFIG = 78;
    public static final String PROP_EXIT_CODE = "arcnode.exit.code";
    public static final String PROP_NOEXIT = "arcnode.config.noexit";
    public static final String ERR_PREFIX = "ArcNode: configuration error: ";

    private static final Logger LOG = LoggerFactory.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    /**
     * @param context any bundle context of the framework to stop
     * @param message one line naming the file, the key and the rule
     */
    public static void stop(BundleContext context, String message) {
        LOG.error(message);
        System.err.println(ERR_PREFIX + message);
        System.setProperty(PROP_EXIT_CODE, String.valueOf(EXIT_CONFIG));
        boolean noExit = Boolean.parseBoolean(context.getProperty(PROP_NOEXIT));
        Thread t = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException | SecurityException e) {
                LOG.error("cannot stop the framework after a configuration error", e);
            }
            if (!noExit) {
                System.exit(EXIT_CONFIG);
            }
        }, "arcnode-config-shutdown");
        t.setDaemon(false);
        t.start();
    }
}

package io.arcnode.config.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ConfigException;
import io.arcnode.config.api.StartupFailure;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * OSGi shell around {@link LayeredConfigLoader}: loads and validates the configuration at
 * startup, publishes one ConfigAdmin configuration per section (PID {@code io.arcnode.<section>})
 * and registers the {@link ArcnodeConfig} service. On a configuration error it logs the one
 * message, prints it to {@code System.err} and stops the framework (exit code 78).
 */
@Component(immediate = true)
public final class ConfigBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigBootstrap.class);

    /** Exit code for a configuration error (EX_CONFIG from sysexits.h). */
    public static final int EXIT_CONFIG = StartupFailure.EXIT_CONFIG;
    public static final String PROP_EXIT_CODE = StartupFailure.PROP_EXIT_CODE;
    public static final String PROP_NOEXIT = StartupFailure.PROP_NOEXIT;
    public static final String ERR_PREFIX = StartupFailure.ERR_PREFIX;
    static final String LOG_LEVEL_PROPERTY = "arcnode.log.level";

    /** Properties ConfigAdmin adds itself; ignored when comparing. */
    private static final Set<String> CM_OWN = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;
    private ServiceRegistration<ArcnodeConfig> registration;
    private ServiceRegistration<HealthContributor> health;

    @Activate
    public ConfigBootstrap(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        this.context = context;
    }

    @Activate
    void activate() {
        LayeredConfigLoader.Sources src = LayeredConfigLoader.resolve(System.getenv(), context::getProperty);
        ArcnodeConfig config;
        try {
            config = new LayeredConfigLoader().load(src);
        } catch (ConfigException e) {
            fail(e.getMessage());
            return;
        }
        // every JSON log line carries it (logback's %property{arcnode.gateway_id} is read per event)
        System.setProperty("arcnode.gateway_id", String.valueOf(config.section("gateway").get("gateway_id")));
        // io.arcnode.logging's filter reads it per event; -Darcnode.log.level on the command line wins
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, String.valueOf(config.section("logging").get("level")));
        }
        if (src.secrets() != null && !Files.exists(src.secrets())) {
            LOG.info("secrets file {} does not exist; no secrets are set", src.secrets());
        }
        try {
            int changed = publish(configAdmin, config);
            LOG.info("configuration loaded: stage {}, {} sections ({} updated in ConfigAdmin)",
                    config.stage(), config.sections().size(), changed);
        } catch (IOException e) {
            fail("ConfigAdmin: cannot update configuration: " + e.getMessage());
            return;
        }
        registration = context.registerService(ArcnodeConfig.class, config, null);
        String detail = "stage " + config.stage() + " from " + src.defaults();
        health = context.registerService(HealthContributor.class,
                () -> new ComponentHealth("config", HealthStatus.HEALTHY, detail, true), null);
    }

    @Deactivate
    void deactivate() {
        if (health != null) {
            try {
                health.unregister();
            } catch (IllegalStateException ignored) {
                // already unregistered by the framework
            }
            health = null;
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException ignored) {
                // already unregistered by the framework
            }
            registration = null;
        }
    }

    /**
     * Pushes each section into ConfigAdmin, PID {@code io.arcnode.<section>}, location {@code "?"}
     * (any bundle may bind). A configuration is only updated when its properties differ.
     *
     * @return the number of configurations updated
     */
    static int publish(ConfigurationAdmin cm, ArcnodeConfig config) throws IOException {
        int changed = 0;
        for (Map.Entry<String, Map<String, Object>> s : config.sections().entrySet()) {
            Configuration c = cm.getConfiguration(ArcnodeConfig.pid(s.getKey()), "?");
            if (!sameContent(c.getProperties(), s.getValue())) {
                c.update(new Hashtable<>(s.getValue()));
                changed++;
            }
        }
        Map<String, Object> jetty = felixHttp(config.section("http"), System.getProperty(FELIX_PORT_PROPERTY));
        Configuration c = cm.getConfiguration(FELIX_HTTP_PID, "?");
        if (!sameContent(c.getProperties(), jetty)) {
            c.update(new Hashtable<>(jetty));
            changed++;
        }
        return changed;
    }

    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    static final String FELIX_PORT_PROPERTY = "org.osgi.service.http.port";

    /**
     * The {@code http} section in Felix HTTP's own keys. A port given on the command line
     * ({@code -Dorg.osgi.service.http.port}, i.e. {@code bin/arcnode --port}) wins over the file.
     */
    static Map<String, Object> felixHttp(Map<String, Object> http, String portOverride) {
        Map<String, Object> props = new HashMap<>();
        Object port = portOverride == null || portOverride.isBlank() ? http.get("port") : portOverride.trim();
        props.put(FELIX_PORT_PROPERTY, String.valueOf(port));
        props.put("org.apache.felix.http.host", String.valueOf(http.get("host")));
        return props;
    }

    static boolean sameContent(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        Map<String, Object> cur = new HashMap<>();
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (!CM_OWN.contains(k)) {
                cur.put(k, current.get(k));
            }
        }
        if (!cur.keySet().equals(wanted.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!Objects.equals(cur.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void fail(String message) {
        StartupFailure.stop(context, message);
    }

}

package io.arcnode.config.internal;

import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ConfigException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Preflight check outside OSGi, for the launcher's {@code --check-config}: resolves the sources
 * exactly like {@link ConfigBootstrap} (system properties over environment variables), loads and
 * validates. Exit 0 printing stage, sections and the names (never values) of set secrets, or
 * exit 78 printing the one error message to stderr.
 *
 * <p>Options override the resolved sources: {@code --defaults PATH}, {@code --stage NAME},
 * {@code --customer PATH}, {@code --secrets PATH}. Exit 64 on a usage error.
 */
public final class ConfigCheck {

    private ConfigCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System::getProperty, System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, java.util.function.Function<String, String> props,
                   PrintStream out, PrintStream err) {
        LayeredConfigLoader.Sources s = LayeredConfigLoader.resolve(env, props);
        Path defaults = s.defaults();
        String stage = s.stage();
        String stageFrom = s.stageFrom();
        String stageKey = s.stageKey();
        Path customer = s.customer();
        Path secrets = s.secrets();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check-config")) {
                continue;
            }
            if (i + 1 >= args.length || !a.startsWith("--")) {
                err.println("usage: ConfigCheck [--defaults PATH] [--stage local|demo|beta] [--customer PATH] [--secrets PATH]");
                return 64;
            }
            String v = args[++i];
            switch (a) {
                case "--defaults" -> defaults = Path.of(v);
                case "--stage" -> {
                    stage = v;
                    stageFrom = "command line";
                    stageKey = "--stage";
                }
                case "--customer" -> customer = Path.of(v);
                case "--secrets" -> secrets = Path.of(v);
                default -> {
                    err.println("unknown option " + a);
                    return 64;
                }
            }
        }
        try {
            ArcnodeConfig c = new LayeredConfigLoader().load(
                    new LayeredConfigLoader.Sources(defaults, stage, stageFrom, stageKey, customer, secrets));
            out.println("stage: " + c.stage());
            for (Map.Entry<String, Map<String, Object>> sec : c.sections().entrySet()) {
                out.println(ArcnodeConfig.pid(sec.getKey()) + ":");
                for (Map.Entry<String, Object> e : sec.getValue().entrySet()) {
                    out.println("  " + e.getKey() + " = " + e.getValue());
                }
            }
            if (c instanceof LoadedConfig lc) {
                out.println("secrets set: " + lc.secretNames());
            }
            return 0;
        } catch (ConfigException e) {
            err.println(ConfigBootstrap.ERR_PREFIX + e.getMessage());
            return ConfigBootstrap.EXIT_CONFIG;
        }
    }
}

package io.arcnode.config.internal;

import io.arcnode.config.api.ArcnodeConfig;

import java.util.Map;
import java.util.Optional;

/** Immutable {@link ArcnodeConfig}; {@link #toString()} lists secret names only. */
final class LoadedConfig implements ArcnodeConfig {

    private final String stage;
    private final Map<String, Map<String, Object>> sections;
    private final SecretsEnv secrets;

    LoadedConfig(String stage, Map<String, Map<String, Object>> sections, SecretsEnv secrets) {
        this.stage = stage;
        this.sections = sections;
        this.secrets = secrets;
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public Map<String, Map<String, Object>> sections() {
        return sections;
    }

    @Override
    public Optional<String> secret(String name) {
        return secrets.get(name);
    }

    /** Names of the secrets that are set. */
    java.util.Set<String> secretNames() {
        return secrets.names();
    }

    @Override
    public String toString() {
        return "ArcnodeConfig[stage=" + stage + ", sections=" + sections + ", secretsSet=" + secrets.names() + "]";
    }
}

package io.arcnode.gateway.validator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The rules set through the DLQ API ({@code PUT /api/v1/dlq/rules}), kept in {@code <gateway.data_dir>/validator/
 * rules.yml} (the same schema as {@link RulesFile}, the text exactly as it was sent). When that file exists it
 * replaces {@code gateway.validation_rules} at start: the product root can be read-only, and the operator's last
 * change must survive a restart. Written atomically (temporary file, then move).
 */
public final class RulesStore {

    private final Path file;

    /** @param file where the rules are kept */
    public RulesStore(Path file) {
        this.file = file;
    }

    /** @return the stored rules file */
    public Path file() {
        return file;
    }

    /** @return the rules stored, if any; a broken stored file throws {@link RulesFile.Invalid} naming it */
    public Optional<Stored> load() throws RulesFile.Invalid {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new Stored(text, RulesFile.parse(text, file.toString())));
    }

    /** Keeps {@code text} (already validated) as the rules. */
    public void save(String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Rules with the text they came from. */
    public record Stored(String text, List<Rule> rules) {
    }
}

package io.arcnode.api;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a document breaks one or more rules of the contract. It always carries every
 * violation found in one pass, never only the first, and its message lists them all.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Immutable; never empty. */
    private final transient List<Violation> violations;

    /**
     * @param violations the violations found; must not be empty
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Convenience for a single violation. */
    public ValidationException(Violation violation) {
        this(List.of(Objects.requireNonNull(violation, "violation")));
    }

    /** @return every violation found, in the order they were detected */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " violation:" : " violations:");
        for (Violation v : violations) {
            sb.append("\n  - ").append(v);
        }
        return sb.toString();
    }
}

package io.arcnode.edp.hardware.api;

import java.util.List;
import java.util.Objects;

/**
 * The hardware selector map is broken; startup must stop. Carries every problem found in one pass; the message names
 * the file, and for each problem the profile and what is wrong, e.g.
 * {@code map/hardware_selector_map.yaml: profile 'dod_ac': grid_container.step 's3://…' not found in the artifact store}.
 */
public class HardwareMapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient List<Problem> problems;

    /**
     * @param file     the map file as named to the operator
     * @param problems what is wrong; not empty
     */
    public HardwareMapException(String file, List<Problem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** @return the map file as named to the operator */
    public String file() {
        return file;
    }

    /** @return every problem, in file order ({@code profile} {@code null} for a problem of the whole file) */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the profile of the first problem, or {@code null} when it concerns the whole file */
    public String profile() {
        return problems.get(0).profile();
    }

    private static String describe(String file, List<Problem> problems) {
        Objects.requireNonNull(file, "file");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a HardwareMapException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder(file).append(": hardware selector map is invalid");
        for (Problem p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }

    /**
     * One problem of the map.
     *
     * @param profile the profile key it concerns, or {@code null} for the whole file
     * @param message what is wrong
     */
    public record Problem(String profile, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return (profile == null ? "" : "profile '" + profile + "': ") + message;
        }
    }
}

package io.arcnode.gateway.overflow.internal;

/**
 * The broker's disk use.
 *
 * @param usedBytes   bytes in use
 * @param budgetBytes bytes available in all (the configured budget or the log volume's size), > 0
 * @param basis       what was measured, for the health detail and the alert
 */
public record DiskUsage(long usedBytes, long budgetBytes, String basis) {

    public DiskUsage {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("budget must be > 0, got " + budgetBytes);
        }
    }

    /** @return used / budget */
    public double fraction() {
        return (double) usedBytes / budgetBytes;
    }

    /** @return e.g. {@code 83 % of 100 MiB (sum of the broker's partition logs)} */
    public String describe() {
        return Math.round(fraction() * 100) + " % of " + budgetBytes / (1024 * 1024) + " MiB (" + basis + ")";
    }
}

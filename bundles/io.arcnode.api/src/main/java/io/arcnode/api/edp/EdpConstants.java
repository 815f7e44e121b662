package io.arcnode.api.edp;

/** Constants of the EDP contract (spec 002). */
public final class EdpConstants {

    /** GPUs per compute container: 7 nodes x 8 GPUs, for both H100_SXM and B200. */
    public static final int GPUS_PER_COMPUTE_CONTAINER = 56;

    private EdpConstants() {
    }
}

package io.arcnode.edp.dtm.api;

import io.arcnode.api.dtm.SizingParams;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.ModuleResolution;
import java.math.BigDecimal;

/**
 * {@link SizingParams} of a DTM from a {@link ModuleResolution}; the constants and their sources are in the bundle
 * README.
 */
public final class DtmSizing {

    /** 7 GPU nodes of 8 GPUs per compute container (56 GPUs, spec 002). */
    public static final int NODES_PER_COMPUTE_CONTAINER = 7;
    /** Maximum system power of an 8-GPU H100 SXM node in W (NVIDIA DGX H100 data sheet: ~10.2 kW max). */
    public static final int NODE_W_H100_SXM = 10_200;
    /** Maximum system power of an 8-GPU B200 node in W (NVIDIA DGX B200 data sheet: ~14.3 kW max). */
    public static final int NODE_W_B200 = 14_300;

    private DtmSizing() {
    }

    /** @return P_compute_total_kW, E_BESS_total_kWh and T_coolant_setpoint_C of the resolution */
    public static SizingParams of(ModuleResolution r) {
        return new SizingParams(computeTotalKw(r.computeContainerCount(), r.gpuVariant()),
                bessTotalKwh(r.bessCapacityMwh()), coolantSetpointC(r.climateZone()));
    }

    /** containers x 7 nodes x node power; summed in whole watts so that e.g. 10 H100 containers give exactly 714.0. */
    public static double computeTotalKw(int containers, GpuVariant variant) {
        long watts = (long) containers * NODES_PER_COMPUTE_CONTAINER * nodeWatts(variant);
        return watts / 1000.0;
    }

    /** @return maximum power of one 8-GPU node of the variant in W */
    public static int nodeWatts(GpuVariant variant) {
        return switch (variant) {
            case H100_SXM -> NODE_W_H100_SXM;
            case B200 -> NODE_W_B200;
        };
    }

    /** bess_capacity_mwh x 1000, shifted in decimal so that 0.1 MWh is exactly 100.0 kWh. */
    public static double bessTotalKwh(double bessCapacityMwh) {
        return new BigDecimal(Double.toString(bessCapacityMwh)).movePointRight(3).doubleValue();
    }

    /** Coolant supply setpoint of the liquid loop in degrees C by climate zone (justification in the README). */
    public static double coolantSetpointC(ClimateZone zone) {
        return switch (zone) {
            case SUBARCTIC -> 35.0;
            case TEMPERATE -> 32.0;
            case ARID_HOT -> 27.0;
            case TROPICAL -> 25.0;
        };
    }
}

package io.arcnode.edp.bom.internal;

import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.bom.api.BomLine;
import java.util.List;
import java.util.Locale;

/**
 * The last check before a BOM leaves the generator: every line may be bought for the deployment's sourcing tier,
 * and a {@code dod_eligible} BOM holds nothing CATL (spec 002: CATL-integrated PCS is not DoD-procurable). The
 * rules already avoid both; this guard makes a rule change that breaks them fail loudly instead of shipping.
 */
public final class SourcingGuard {

    private SourcingGuard() {
    }

    /** @throws IllegalStateException naming the first offending line */
    public static void check(SourcingTier tier, List<BomLine> lines) {
        for (BomLine l : lines) {
            if (!l.sourcingTiers().contains(tier)) {
                throw new IllegalStateException("BOM line " + l.line() + " (" + l.partNumber() + ") is not eligible "
                        + "for sourcing tier " + tier.json() + " (eligible: " + l.sourcingTiers() + ")");
            }
            if (tier == SourcingTier.DOD_ELIGIBLE && isCatl(l)) {
                throw new IllegalStateException("BOM line " + l.line() + " (" + l.partNumber() + ") is CATL: "
                        + "excluded from DoD procurement");
            }
        }
    }

    static boolean isCatl(BomLine l) {
        return (l.partNumber() + " " + l.description()).toUpperCase(Locale.ROOT).contains("CATL");
    }
}

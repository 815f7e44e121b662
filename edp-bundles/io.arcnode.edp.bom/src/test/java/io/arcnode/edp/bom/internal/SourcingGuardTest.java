package io.arcnode.edp.bom.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.bom.api.BomCategory;
import io.arcnode.edp.bom.api.BomLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcingGuardTest {

    private static BomLine line(String part, String description, List<SourcingTier> tiers) {
        return new BomLine(3, "pcs", part, description, 1, BomLine.EACH, BomCategory.BESS, tiers, "");
    }

    @Test
    void dodBomWithACatlLineIsStopped() {
        // even if a rule change marked a CATL part as DoD-eligible, the guard stops it
        BomLine catl = line("AN-PCS-INT-CATL-745", "CATL integrated PCS", BomRules.ALL_TIERS);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SourcingGuard.check(SourcingTier.DOD_ELIGIBLE, List.of(catl)));
        assertTrue(e.getMessage().contains("line 3 (AN-PCS-INT-CATL-745) is CATL"), e.getMessage());
        SourcingGuard.check(SourcingTier.COMMERCIAL, List.of(catl));
    }

    @Test
    void lineNotEligibleForTheTierIsStopped() {
        BomLine commercialOnly = line("AN-X", "x", BomRules.NON_DOD_TIERS);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SourcingGuard.check(SourcingTier.DOD_ELIGIBLE, List.of(commercialOnly)));
        assertTrue(e.getMessage().contains("not eligible for sourcing tier dod_eligible"), e.getMessage());
        SourcingGuard.check(SourcingTier.FEDERAL_CIVILIAN, List.of(commercialOnly));
    }
}

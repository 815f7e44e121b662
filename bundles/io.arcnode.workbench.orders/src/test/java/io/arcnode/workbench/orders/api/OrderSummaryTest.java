package io.arcnode.workbench.orders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.resolver.api.ModuleResolver;
import org.junit.jupiter.api.Test;

class OrderSummaryTest {

    @Test
    void theSummaryIsTheResolversModuleResolution() {
        OrderForm form = OrderFormTest.valid();
        form.set("target_gpu_count", "560");
        OrderForm.Check check = form.check();
        ModuleResolution r = ModuleResolver.resolve(check.payload());
        OrderSummary s = OrderSummary.of(check);
        assertEquals(r.deploymentProfile().json(), s.value("Profile"));
        assertEquals("10", s.value("Compute containers"), "ceil(560 / 56)");
        assertEquals(String.valueOf(r.gpuCount()), s.value("GPUs"));
        assertEquals(r.sourcingTier().json(), s.value("Sourcing tier"));
        assertEquals(r.emsTarget().json(), s.value("EMS target"));
        assertEquals(r.gridContainerPresent() ? "yes" : "no", s.value("Grid container"));
        form.set("target_gpu_count", "57");
        assertEquals("2", OrderSummary.of(form.check()).value("Compute containers"));
    }

    @Test
    void anInvalidFormHasNoSummary() {
        OrderForm form = OrderFormTest.valid();
        form.set("bess_coupling", "none");
        assertEquals(OrderSummary.NONE, OrderSummary.of(form.check()));
        assertEquals("-", OrderSummary.NONE.value("GPUs"));
    }
}

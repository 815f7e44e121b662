/**
 * Spec 002's hardware selector: {@link io.arcnode.edp.hardware.api.HardwareSelector} loads and validates
 * {@code hardware_selector_map.yaml} (deployment profile -> module assembly URLs in the artifact store) and answers
 * {@link io.arcnode.edp.hardware.api.HardwareSelection}s; a broken map is a
 * {@link io.arcnode.edp.hardware.api.HardwareMapException} naming the file and the profile.
 */
package io.arcnode.edp.hardware.api;

/**
 * Common building blocks of the ArcNode wire contract: the {@link io.arcnode.api.Violation} and
 * {@link io.arcnode.api.ValidationException} types every parser reports problems with, the
 * {@link io.arcnode.api.JsonEnum} convention for enums carrying an exact JSON value, the
 * {@link io.arcnode.api.FieldReader} used to validate a JSON tree field by field while collecting every
 * violation at once, and {@link io.arcnode.api.ArcnodeJson}, the factory for the single shared,
 * deterministically configured Jackson {@code ObjectMapper}.
 */
package io.arcnode.api;

/**
 * The module-assembly catalogue of spec 002 ({@code edp-module-assemblies}): per-assembly device topologies
 * ({@link io.arcnode.edp.assemblies.api.AssemblyCatalogue}) that the DTM generator instantiates per container, and
 * the profile to grid-container-variant rule shared by the EDP generators.
 */
package io.arcnode.edp.assemblies.api;

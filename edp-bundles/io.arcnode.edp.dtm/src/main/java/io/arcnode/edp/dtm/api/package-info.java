/**
 * Spec 002's DTM generator: {@link io.arcnode.edp.dtm.api.DtmGenerator} turns a ConfiguratorPayload, its
 * ModuleResolution and the assembly catalogue into {@code dtm.json}; {@link io.arcnode.edp.dtm.api.DtmSizing} holds the
 * sizing constants.
 */
package io.arcnode.edp.dtm.api;

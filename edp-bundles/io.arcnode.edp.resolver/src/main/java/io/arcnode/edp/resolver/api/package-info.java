/** ConfiguratorPayload to ModuleResolution: spec 002's profile table and container arithmetic. */
package io.arcnode.edp.resolver.api;

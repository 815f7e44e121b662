package io.arcnode.gateway.aggregator.internal;

/**
 * Which window: the input partition whose watermark closes it, the resolution, its start (epoch ms), asset and
 * parameter.
 */
record WindowKey(int partition, Resolution resolution, long start, String asset, String parameter) {

    long end() {
        return start + resolution.millis();
    }
}

package io.arcnode.edp.dtm.internal;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.Dtm;

/**
 * dtm.json bytes: {@link ArcnodeJson#documentBytes(Object)}, the document format shared by the EDP JSON artifacts
 * (declared property order, two-space indent, LF line ends on every platform, {@code "key": value}, trailing
 * newline).
 */
public final class DtmJson {

    private DtmJson() {
    }

    public static byte[] write(Dtm dtm) {
        return ArcnodeJson.documentBytes(dtm);
    }
}

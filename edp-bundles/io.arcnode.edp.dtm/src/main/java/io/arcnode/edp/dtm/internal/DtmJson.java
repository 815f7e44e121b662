package io.arcnode.edp.dtm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.Dtm;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * dtm.json bytes: the shared ArcNode mapper (declared property order), pretty-printed with two-space indent, LF line
 * ends on every platform (Jackson's default indenter uses the system line separator, which would make Windows
 * workbench output differ), {@code "key": value} and a trailing newline.
 */
public final class DtmJson {

    private static final DefaultIndenter LF_INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = ArcnodeJson.mapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(LF_INDENT)
            .withArrayIndenter(LF_INDENT));

    private DtmJson() {
    }

    public static byte[] write(Dtm dtm) {
        try {
            byte[] json = WRITER.writeValueAsBytes(dtm);
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

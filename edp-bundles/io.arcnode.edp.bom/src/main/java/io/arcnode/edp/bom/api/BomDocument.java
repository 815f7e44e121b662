package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.edp.bom.internal.DocumentXlsx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bill of materials of one deployment (spec 002 artifact 1): header, lines, totals per unit. Made by
 * {@link BomGenerator#generate}; immutable.
 *
 * @param header what the document is (deployment, profile, tier, revisions, notes)
 * @param lines  the lines, numbered 1..n, grouped by {@link BomCategory}
 */
@JsonPropertyOrder({"document", "header", "lines", "totals"})
public record BomDocument(
        @JsonUnwrapped DocumentHeader header,
        @JsonProperty("lines") List<BomLine> lines) {

    /** Rejects nulls and copies the lines. */
    public BomDocument {
        Objects.requireNonNull(header, "header");
        lines = List.copyOf(lines);
    }

    /** @return {@code "bom"}: the artifact this document is */
    @JsonProperty("document")
    public String document() {
        return "bom";
    }

    /** @return quantities summed per unit, in order of first use */
    @JsonProperty("totals")
    public List<BomTotal> totals() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (BomLine l : lines) {
            long[] s = sums.computeIfAbsent(l.unit(), u -> new long[2]);
            s[0]++;
            s[1] += l.quantity();
        }
        List<BomTotal> out = new ArrayList<>();
        sums.forEach((unit, s) -> out.add(new BomTotal(unit, (int) s[0], s[1])));
        return out;
    }

    /** @return {@code bom.json}: {@link ArcnodeJson#documentBytes}, snake_case keys in declared order */
    public byte[] toJson() {
        return ArcnodeJson.documentBytes(this);
    }

    /** @return {@code bom.xlsx}: sheet {@code BOM} (header row, lines, totals per unit) and sheet {@code Info} */
    public byte[] toXlsx() {
        return DocumentXlsx.bom(this);
    }
}

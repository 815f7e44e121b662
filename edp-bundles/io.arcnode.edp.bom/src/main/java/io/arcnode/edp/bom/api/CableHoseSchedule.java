package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.edp.bom.internal.DocumentXlsx;
import java.util.List;
import java.util.Objects;

/**
 * The cable and hose schedule of one deployment (spec 002 artifact 8): one entry per physical connection. Made by
 * {@link CableHoseScheduleGenerator#generate}; immutable.
 *
 * @param header  what the document is (deployment, profile, tier, revisions, notes)
 * @param entries the connections: the grid container's first, then each compute container's, in port order
 */
@JsonPropertyOrder({"document", "header", "entries", "totals"})
public record CableHoseSchedule(
        @JsonUnwrapped DocumentHeader header,
        @JsonProperty("entries") List<ScheduleEntry> entries) {

    /** Rejects nulls and copies the entries. */
    public CableHoseSchedule {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }

    /** @return {@code "cable_hose_schedule"}: the artifact this document is */
    @JsonProperty("document")
    public String document() {
        return "cable_hose_schedule";
    }

    /** @return connections, cables/hoses laid and metres, summed */
    @JsonProperty("totals")
    public ScheduleTotals totals() {
        long quantity = 0;
        long metres = 0;
        for (ScheduleEntry e : entries) {
            quantity += e.quantity();
            metres += e.totalLengthM();
        }
        return new ScheduleTotals(entries.size(), quantity, metres);
    }

    /** @return {@code cable_hose_schedule.json}: {@link ArcnodeJson#documentBytes}, snake_case keys */
    public byte[] toJson() {
        return ArcnodeJson.documentBytes(this);
    }

    /** @return {@code cable_hose_schedule.xlsx}: sheet {@code Schedule} (header row, entries, totals), {@code Info} */
    public byte[] toXlsx() {
        return DocumentXlsx.schedule(this);
    }
}

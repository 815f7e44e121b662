package io.arcnode.edp.assemblies.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;
import java.math.BigDecimal;
import java.util.List;

/**
 * The unit a cable or hose is sized in ({@code size_unit} in {@code spec.yaml}), with the standard series a size
 * must come from.
 */
public enum SizeUnit implements JsonEnum {
    /** Conductor cross-section, IEC 60228 series. */
    MM2("mm2", List.of(1.5, 2.5, 4.0, 6.0, 10.0, 16.0, 25.0, 35.0, 50.0, 70.0, 95.0, 120.0, 150.0, 185.0, 240.0,
            300.0, 400.0, 500.0, 630.0)),
    /** Nominal diameter, EN ISO 6708 series. */
    DN("DN", List.of(15.0, 20.0, 25.0, 32.0, 40.0, 50.0, 65.0, 80.0, 100.0, 125.0, 150.0, 200.0, 250.0)),
    /** Fibre count of an optical cable (the counts cable makers build). */
    FIBRES("fibres", List.of(2.0, 4.0, 6.0, 8.0, 12.0, 24.0, 48.0, 72.0, 96.0, 144.0));

    private final String json;
    private final List<Double> series;

    SizeUnit(String json, List<Double> series) {
        this.json = json;
        this.series = series;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** @return the allowed sizes, ascending */
    public List<Double> series() {
        return series;
    }

    /** @return the size as engineers write it: {@code 95 mm²}, {@code DN80}, {@code 12 fibres} */
    public String label(double size) {
        String n = BigDecimal.valueOf(size).stripTrailingZeros().toPlainString();
        return switch (this) {
            case MM2 -> n + " mm²";
            case DN -> "DN" + n;
            case FIBRES -> n + " fibres";
        };
    }

    /** @throws IllegalArgumentException on an unknown value */
    public static SizeUnit fromJson(String value) {
        return JsonEnum.fromJson(SizeUnit.class, value);
    }
}

package io.arcnode.edp.testreaders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A minimal independent DXF pair reader for structural tests (no ezdxf needed). */
public record DxfPairs(List<Pair> pairs) {

    /** A group code and its value line. */
    public record Pair(int code, String value) {
    }

    /** Parses the bytes, asserting the ASCII/CRLF/group-code format on the way. */
    public static DxfPairs parse(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            assertTrue(bytes[i] >= 0 && bytes[i] < 0x7F, "non-ASCII byte at " + i);
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at " + i);
            }
        }
        assertTrue(s.endsWith("\r\n"), "file ends with CRLF");
        String[] lines = s.substring(0, s.length() - 2).split("\r\n", -1);
        assertEquals(0, lines.length % 2, "group code / value lines come in pairs");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            String code = lines[i];
            assertEquals(3, code.length(), "group code right-aligned in 3 columns: '" + code + "' at line " + (i + 1));
            int c;
            try {
                c = Integer.parseInt(code.trim());
            } catch (NumberFormatException e) {
                fail("group code not an integer at line " + (i + 1) + ": " + code);
                return null;
            }
            String v = lines[i + 1];
            if ((c >= 10 && c <= 59) || (c >= 140 && c <= 147)) {
                assertTrue(v.matches("-?\\d+\\.\\d{1,6}"), "float value format: " + v + " (code " + c + ")");
                assertTrue(!v.matches("-0\\.0+"), "no negative zero: " + v);
            }
            if ((c >= 60 && c <= 79) || (c >= 90 && c <= 99)) {
                assertTrue(v.matches("-?\\d+"), "integer value format: " + v + " (code " + c + ")");
            }
            pairs.add(new Pair(c, v));
        }
        return new DxfPairs(pairs);
    }

    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.size(); i++) {
            if (pairs.get(i).equals(new Pair(0, "SECTION"))) {
                out.add(pairs.get(i + 1).value());
            }
        }
        return out;
    }

    /** Pairs of the named section, between SECTION/2 name and ENDSEC. */
    public List<Pair> section(String name) {
        for (int i = 0; i + 1 < pairs.size(); i++) {
            if (pairs.get(i).equals(new Pair(0, "SECTION")) && pairs.get(i + 1).equals(new Pair(2, name))) {
                int j = i + 2;
                while (!pairs.get(j).equals(new Pair(0, "ENDSEC"))) {
                    j++;
                }
                return pairs.subList(i + 2, j);
            }
        }
        return List.of();
    }

    public Set<String> declaredLayers() {
        Set<String> out = new LinkedHashSet<>();
        List<Pair> t = section("TABLES");
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).equals(new Pair(0, "LAYER"))) {
                out.add(t.get(i + 1).value());
            }
        }
        return out;
    }

    public Set<String> usedLayers() {
        Set<String> out = new LinkedHashSet<>();
        for (String s : List.of("BLOCKS", "ENTITIES")) {
            for (Pair p : section(s)) {
                if (p.code() == 8) {
                    out.add(p.value());
                }
            }
        }
        return out;
    }

    public List<String> values(String section, int code) {
        return section(section).stream().filter(p -> p.code() == code).map(Pair::value).toList();
    }

    /** Header variable value pairs following "9 / name" up to the next 9 or 0. */
    public List<Pair> header(String var) {
        List<Pair> h = section("HEADER");
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).equals(new Pair(9, var))) {
                int j = i + 1;
                while (j < h.size() && h.get(j).code() != 9) {
                    j++;
                }
                return h.subList(i + 1, j);
            }
        }
        return List.of();
    }
}

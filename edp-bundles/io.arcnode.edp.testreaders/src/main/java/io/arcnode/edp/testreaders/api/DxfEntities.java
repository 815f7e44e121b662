package io.arcnode.edp.testreaders.api;

import java.util.ArrayList;
import java.util.List;

/** Model-space entities of a DXF as (type, layer, text value or null, block name or null), via {@link DxfPairs}. */
public record DxfEntities(List<Entity> list) {

    /** One model-space entity. */
    public record Entity(String type, String layer, String text, String block) {
    }

    /** The model-space entities of the DXF, without VERTEX and SEQEND. */
    public static DxfEntities of(byte[] dxf) {
        List<DxfPairs.Pair> e = DxfPairs.parse(dxf).section("ENTITIES");
        List<Entity> out = new ArrayList<>();
        int i = 0;
        while (i < e.size()) {
            String type = e.get(i).value();
            String layer = null;
            String text = null;
            String block = null;
            int j = i + 1;
            while (j < e.size() && e.get(j).code() != 0) {
                DxfPairs.Pair p = e.get(j);
                if (p.code() == 8) {
                    layer = p.value();
                } else if (p.code() == 1) {
                    text = p.value();
                } else if (p.code() == 2 && type.equals("INSERT")) {
                    block = p.value();
                }
                j++;
            }
            if (!type.equals("VERTEX") && !type.equals("SEQEND")) {
                out.add(new Entity(type, layer, text, block));
            }
            i = j;
        }
        return new DxfEntities(out);
    }

    public long inserts(String block) {
        return list.stream().filter(x -> block.equals(x.block())).count();
    }

    public List<String> texts() {
        return list.stream().filter(x -> x.text() != null).map(Entity::text).toList();
    }

    /** Layer of the first TEXT with exactly this value, or null. */
    public String layerOfText(String value) {
        return list.stream().filter(x -> value.equals(x.text())).map(Entity::layer).findFirst().orElse(null);
    }

    public List<String> layers() {
        return list.stream().map(Entity::layer).distinct().toList();
    }
}

package io.arcnode.edp.assemblies.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arcnode.edp.assemblies.api.CatalogueException;
import java.io.IOException;

/** The one YAML reader of the catalogue files: Jackson's YAML factory, duplicate keys rejected. */
public final class CatalogueYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CatalogueYaml() {
    }

    /**
     * @return the document's tree, {@code null} for an empty document
     * @throws CatalogueException naming {@code file}, line and column when the YAML is malformed
     */
    public static JsonNode read(String file, byte[] yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(file, -1, "invalid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new CatalogueException(file, -1, "cannot read: " + e.getMessage());
        }
    }
}

package io.arcnode.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The features installed in the product: each {@code features/<id>_<version>/feature.xml} of the install area (where
 * p2 puts them). Plain Java, so it is unit-testable without a running product.
 */
public final class InstalledFeatures {

    /**
     * One installed feature.
     *
     * @param id      e.g. {@code io.arcnode.feature.workbench}
     * @param label   its label, the id when it has none
     * @param version e.g. {@code 0.1.0.v20261201-1649}
     */
    public record Feature(String id, String label, String version) {
    }

    private InstalledFeatures() {
    }

    /**
     * @return the features under {@code installArea/features}, by id; empty when there is no such folder; a
     *         {@code feature.xml} that cannot be read is listed with its folder name and the reason as its label
     */
    public static List<Feature> in(Path installArea) {
        Path folder = installArea.resolve("features");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Feature> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                Path xml = d.resolve("feature.xml");
                if (Files.isRegularFile(xml)) {
                    out.add(read(xml, d.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return List.of(new Feature(folder.toString(), "cannot list: " + e.getMessage(), ""));
        }
        out.sort(Comparator.comparing(Feature::id));
        return out;
    }

    private static Feature read(Path xml, String folderName) {
        try (InputStream in = Files.newInputStream(xml)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            Element root = b.parse(in).getDocumentElement();
            String id = root.getAttribute("id");
            String label = root.getAttribute("label");
            return new Feature(id, label.isEmpty() ? id : label, root.getAttribute("version"));
        } catch (IOException | ParserConfigurationException | SAXException e) {
            return new Feature(folderName, "unreadable feature.xml: " + e.getMessage(), "");
        }
    }
}

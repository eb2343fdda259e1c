package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.launchbench.vehicle.model.io.FormatMigration;
import org.launchbench.vehicle.model.io.FormatMigrations;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The migration hook: steps chain from a file's version to the target, each stamping its version. */
class FormatMigrationsTest {

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Renames an attribute of every element, as a real format change would. */
    private record Rename(int fromVersion, String from, String to) implements FormatMigration {
        @Override
        public void migrate(Document document) {
            var all = document.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (e.hasAttribute(from)) {
                    e.setAttribute(to, e.getAttribute(from));
                    e.removeAttribute(from);
                }
            }
        }
    }

    @Test
    void stepsRunInOrderFromTheFilesVersionToTheTarget() throws Exception {
        FormatMigrations chain = new FormatMigrations(3, List.of(
            new Rename(2, "emptyMass", "dryMass"), new Rename(1, "weight", "emptyMass"), new Rename(0, "w", "weight")));
        Document doc = xml("<root formatVersion=\"1\"><stage weight=\"5\"/></root>");
        chain.migrate(doc, 1);
        Element stage = (Element) doc.getElementsByTagName("stage").item(0);
        assertEquals("5", stage.getAttribute("dryMass"), "1 -> 2 -> 3 both applied, 0 -> 1 not");
        assertEquals("3", doc.getDocumentElement().getAttribute(FormatMigrations.VERSION_ATTRIBUTE));
    }

    @Test
    void aFileAtTheTargetIsLeftAlone() throws Exception {
        Document doc = xml("<root formatVersion=\"1\"><stage weight=\"5\"/></root>");
        new FormatMigrations(1, List.of(new Rename(0, "weight", "dryMass"))).migrate(doc, 1);
        assertEquals("5", ((Element) doc.getElementsByTagName("stage").item(0)).getAttribute("weight"));
    }

    @Test
    void aMissingStepIsALaunchBenchBugNotUserInput() throws Exception {
        Document doc = xml("<root/>");
        assertThrows(IllegalStateException.class, () -> new FormatMigrations(2, List.of(new Rename(1, "a", "b"))).migrate(doc, 0));
    }

    @Test
    void theBuiltInChainBringsFormatZeroToTheCurrentFormat() throws Exception {
        Document doc = xml("<root/>");
        FormatMigrations.builtIn().migrate(doc, 0);
        assertEquals(String.valueOf(ModelFiles.CURRENT_FORMAT), doc.getDocumentElement().getAttribute(FormatMigrations.VERSION_ATTRIBUTE));
    }
}

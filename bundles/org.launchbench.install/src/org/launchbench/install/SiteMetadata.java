package org.launchbench.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.launchbench.core.InvalidInputException;
import org.launchbench.core.XmlParserMessages;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Checks that a local update site's metadata ({@code content.xml}, {@code content.xml.xz} and the one inside
 * {@code content.jar}, whichever are there; composite and remote sites are left to p2) is well-formed
 * XML before p2 reads it. p2's parser reports a malformed file by printing the XML parser's own {@code [Fatal Error]}
 * line on standard error ahead of ours (issue 28); here it is one line naming the file, the line and the column.
 * Streamed (no size limit needed: nothing is kept), with doctypes refused (no external entities, no entity expansion).
 */
final class SiteMetadata {

    private SiteMetadata() {
    }

    /**
     * @param site   a local folder, or a zip or jar archive of one
     * @param source where the site was named, for the message
     * @throws InvalidInputException when its metadata is not well-formed XML
     */
    static void checkWellFormed(Path site, String source) {
        try {
            if (Files.isDirectory(site)) {
                Path xml = site.resolve("content.xml");
                Path xz = site.resolve("content.xml.xz");
                Path jar = site.resolve("content.jar");
                // every form present is checked: p2 picks one by the site's p2.index (Tycho sites carry .xz and .jar)
                if (Files.isRegularFile(xz)) {
                    try (InputStream in = new org.tukaani.xz.XZInputStream(Files.newInputStream(xz))) {
                        parse(in, xz.toString(), source);
                    }
                }
                if (Files.isRegularFile(xml)) {
                    try (InputStream in = Files.newInputStream(xml)) {
                        parse(in, xml.toString(), source);
                    }
                }
                if (Files.isRegularFile(jar)) {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        ZipEntry e = zip.getEntry("content.xml");
                        if (e != null) {
                            try (InputStream in = zip.getInputStream(e)) {
                                parse(in, jar + "!/content.xml", source);
                            }
                        }
                    }
                }
            } else if (Files.isRegularFile(site)) {
                try (ZipFile zip = new ZipFile(site.toFile())) {
                    ZipEntry xml = zip.getEntry("content.xml");
                    ZipEntry jar = zip.getEntry("content.jar");
                    if (xml != null) {
                        try (InputStream in = zip.getInputStream(xml)) {
                            parse(in, site + "!/content.xml", source);
                        }
                    } else if (jar != null) {
                        try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(jar))) {
                            for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                                if (e.getName().equals("content.xml")) {
                                    parse(inner, site + "!/content.jar!/content.xml", source);
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be read as an update site: " + e.getMessage()).source(source)
                .value(site.toString()).fix("give the folder or zip that holds content.jar or content.xml").build(e);
        }
    }

    private static void parse(InputStream in, String file, String source) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.SAXParser parser = f.newSAXParser();
            XmlParserMessages.limit((name, value) -> {
                try {
                    parser.setProperty(name, value);
                } catch (SAXException e) {
                    throw new IllegalArgumentException(e);
                }
            });
            XMLReader reader = parser.getXMLReader();
            reader.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not an error
                }

                @Override
                public void error(SAXParseException e) {
                    // validity (not well-formedness) is p2's concern
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            reader.parse(new InputSource(in));
        } catch (SAXParseException e) {
            throw InvalidInputException.because(XmlParserMessages.inOurWords(e.getMessage())).source(file)
                .element("line " + e.getLineNumber() + ", column " + e.getColumnNumber())
                .fix("rebuild the update site named by " + source + " (its metadata is damaged)").build(e);
        } catch (SAXException | ParserConfigurationException e) {
            throw InvalidInputException.because(XmlParserMessages.inOurWords(e.getMessage())).source(file)
                .fix("rebuild the update site named by " + source).build(e);
        }
    }
}

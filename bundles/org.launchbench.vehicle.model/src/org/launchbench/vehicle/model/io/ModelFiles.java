package org.launchbench.vehicle.model.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.core.TemporaryFiles;
import org.launchbench.core.XmlParserMessages;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.VehiclePackage;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes LaunchBench model files ({@code .vehicle}, {@code .mission}, {@code .sites}: EMF XMI).
 * <p>
 * Reading checks the format version (older files are migrated, newer ones refused), and reports the first
 * problem of a malformed or hand-edited file as an {@link InvalidInputException} naming the file, the line and
 * column, the element and the fix; an unknown element or attribute is an error, never silently dropped.
 * <p>
 * Writing is atomic: the file is serialized in memory, written to a temporary file in the same folder, forced
 * to disk, and renamed over the old file, so a failed or interrupted save leaves the old file as it was.
 */
public final class ModelFiles {

    /** The file format this LaunchBench writes and reads natively. */
    public static final int CURRENT_FORMAT = 2;

    private ModelFiles() {
    }

    /**
     * @param file a model file
     * @return its root element, of the kind its extension says
     * @throws InvalidInputException for a missing, unreadable, malformed or invalid file
     */
    public static ModelRoot load(Path file) {
        ModelFileKind kind = kindOf(file);
        byte[] bytes = InputFiles.read(file, "a ." + kind.extension() + " file", MAX_BYTES);
        return parse(bytes, file.toString(), URI.createFileURI(file.toAbsolutePath().toString()), kind);
    }

    /**
     * The most a model file may hold, bytes: the largest shipped file is some 100 kB; 64 MB is generous and keeps a
     * mistaken device, a symbolic link to /dev/zero or a huge file from filling the memory (issue 28).
     */
    public static final long MAX_BYTES = InputFiles.MODEL_LIMIT_BYTES;

    /**
     * @param file a model file
     * @param type the root type expected
     * @param <T>  the root type
     * @return its root element
     * @throws InvalidInputException for a bad file, or one whose root is not a {@code type}
     */
    public static <T extends ModelRoot> T load(Path file, Class<T> type) {
        ModelRoot root = load(file);
        if (!type.isInstance(root)) {
            throw InvalidInputException.because("holds a " + root.eClass().getName() + ", not a " + type.getSimpleName())
                .source(file.toString()).fix("give a ." + kindFor(type) + " file").build();
        }
        return type.cast(root);
    }

    /**
     * Reads a model from a stream (a file inside a bundle, for example).
     *
     * @param in         the content
     * @param sourceName where it comes from, for messages ({@code bundle-id/model/falcon9.vehicle})
     * @param kind       which kind of file it is
     * @return its root element
     * @throws InvalidInputException for malformed or invalid content
     */
    public static ModelRoot load(InputStream in, String sourceName, ModelFileKind kind) {
        try {
            return parse(in.readAllBytes(), sourceName, URI.createURI("launchbench:/" + sourceName.replace(' ', '_')), kind);
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be read: " + e.getMessage()).source(sourceName).build(e);
        }
    }

    /**
     * Saves atomically, stamping the current format version.
     *
     * @param root the model root, which must match the file's extension
     * @param file where to save
     * @throws InvalidInputException if the extension does not fit the root
     * @throws RunFailedException    if the file could not be written (the old file is then unchanged)
     */
    public static void save(ModelRoot root, Path file) {
        save(root, file, UnaryOperator.identity());
    }

    static void save(ModelRoot root, Path file, UnaryOperator<OutputStream> wrapTemporaryFileStream) {
        ModelFileKind kind = kindOf(file);
        if (kind.rootClass() != root.eClass()) {
            throw InvalidInputException.because("is a ." + kind.extension() + " file, which cannot hold a "
                + root.eClass().getName()).source(file.toString())
                .fix("save it as a ." + kindFor(root.eClass().getInstanceClass()) + " file").build();
        }
        byte[] bytes = serialize(root, file);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            TemporaryFiles.Locked locked = TemporaryFiles.open(file);
            tmp = locked.path();
            try (FileChannel channel = locked.channel();
                 OutputStream out = wrapTemporaryFileStream.apply(java.nio.channels.Channels.newOutputStream(channel))) {
                out.write(bytes);
                out.flush();
                channel.force(true);
                // moved while still open and locked (a leftover check elsewhere must not take it in between)
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                tmp = null;
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new RunFailedException("could not save " + file + ": " + e.getMessage()
                + (Files.exists(file) ? "; the file on disk is unchanged" : ""), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file does not harm the model file
                }
            }
        }
    }

    private static byte[] serialize(ModelRoot root, Path file) {
        ModelRoot copy = EcoreUtil.copy(root);
        copy.setFormatVersion(CURRENT_FORMAT);
        root.setFormatVersion(CURRENT_FORMAT);
        Resource resource = new XMIResourceImpl(URI.createFileURI(file.toAbsolutePath().toString()));
        resource.getContents().add(copy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_LINE_WIDTH, 100));
        } catch (IOException e) {
            throw new RunFailedException("could not write the model of " + file + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void forceDirectory(Path dir) {
        // makes the rename itself durable; not every file system lets a directory be opened, and that is fine
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the rename has happened; only its durability across a power loss is not guaranteed here
        }
    }

    private static ModelFileKind kindOf(Path file) {
        return ModelFileKind.of(file).orElseThrow(() -> InvalidInputException.because("is not a LaunchBench model file")
            .source(file.toString()).allowed(ModelFileKind.allowedExtensions())
            .fix("give a file with one of these extensions").build());
    }

    private static String kindFor(Class<?> type) {
        for (ModelFileKind k : ModelFileKind.values()) {
            if (k.rootClass().getInstanceClass().isAssignableFrom(type)) {
                return k.extension();
            }
        }
        return "vehicle";
    }

    private static ModelRoot parse(byte[] bytes, String source, URI uri, ModelFileKind kind) {
        Document dom = parseXml(bytes, source);
        int version = formatVersion(dom, source);
        if (version > CURRENT_FORMAT) {
            throw InvalidInputException.because("was written by a newer LaunchBench").source(source)
                .element(FormatMigrations.VERSION_ATTRIBUTE).value(version).allowed("0 to " + CURRENT_FORMAT)
                .fix("open it with a LaunchBench that reads format " + version).build();
        }
        // a file whose migration only raises its version is read as written (so a mistake keeps its line number)
        // and stamped after reading; a structural migration rewrites the XML first
        if (version < CURRENT_FORMAT && FormatMigrations.builtIn().changesStructure(version)) {
            FormatMigrations.builtIn().migrate(dom, version);
            bytes = serializeXml(dom);
        }
        singleValuedOnce(dom.getDocumentElement(), kind.rootClass(), dom.getDocumentElement().getLocalName(), source);
        ResourceSet rs = new ResourceSetImpl();
        rs.getPackageRegistry().put(VehiclePackage.eNS_URI, VehiclePackage.eINSTANCE);
        Resource resource = new XMIResourceImpl(uri);
        rs.getResources().add(resource);
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
        options.put(XMLResource.OPTION_PARSER_FEATURES, Map.of(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE));
        try {
            resource.load(new ByteArrayInputStream(bytes), options);
        } catch (IOException e) {
            // EMF throws after collecting its diagnostics; report the first with its position
        }
        List<Resource.Diagnostic> errors = resource.getErrors();
        if (!errors.isEmpty()) {
            throw LoadProblems.toException(errors, source);
        }
        if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof ModelRoot root)) {
            throw InvalidInputException.because("has no single LaunchBench model element at its root").source(source)
                .fix("start from an example file in examples/").build();
        }
        if (root.eClass() != kind.rootClass()) {
            throw InvalidInputException.because("is a ." + kind.extension() + " file but holds a " + root.eClass().getName())
                .source(source).allowed("a " + kind.rootClass().getName() + " root")
                .fix("rename the file or change its root element").build();
        }
        root.setFormatVersion(CURRENT_FORMAT);
        EObject detached = root;
        resource.getContents().clear();
        return (ModelRoot) detached;
    }

    /**
     * Refuses an element given twice where the model holds one (two {@code <targetOrbit>} in a mission): EMF keeps the
     * last silently, so the file would fly another orbit than its first reader saw (issue 28).
     *
     * @param e      an element of the file
     * @param type   the model class it holds
     * @param path   its path, for the message
     * @param source the file
     */
    private static void singleValuedOnce(org.w3c.dom.Element e, EClass type, String path, String source) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof org.w3c.dom.Element child)) {
                continue;
            }
            String name = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
            EStructuralFeature f = type.getEStructuralFeature(name);
            if (f == null) {
                continue; // EMF reports an unknown element with its line
            }
            // XMI also takes an attribute written as an element: with the attribute set too, EMF would keep the element's value
            if (!f.isMany() && (!seen.add(name) || e.hasAttribute(name))) {
                throw InvalidInputException.because("is given twice; the model holds one").source(source).element(path + "/" + name)
                    .fix("keep one <" + name + "> and remove the other").build();
            }
            if (f instanceof EReference r && r.isContainment()) {
                EClass childType = r.getEReferenceType();
                String xsiType = child.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
                if (xsiType.isEmpty()) {
                    xsiType = child.getAttributeNS("http://www.omg.org/XMI", "type");
                }
                if (!xsiType.isEmpty() && VehiclePackage.eINSTANCE.getEClassifier(xsiType.substring(xsiType.indexOf(':') + 1)) instanceof EClass c) {
                    childType = c;
                }
                String id = child.getAttribute("id");
                String step = name + (id.isEmpty() ? "" : " '" + InvalidInputException.cut(id, 64) + "'");
                singleValuedOnce(child, childType, path + "/" + step, source);
            }
        }
    }

    private static Document parseXml(byte[] bytes, String source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            // a model file has no document type: refusing one keeps external entities and entity expansion out entirely
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XmlParserMessages.limit(f::setAttribute);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw InvalidInputException.because(XmlParserMessages.inOurWords(e.getMessage())).source(source)
                .element("line " + e.getLineNumber() + ", column " + e.getColumnNumber())
                .fix("repair the XML there (an unclosed or mistyped tag, an unescaped & or <)").build(e);
        } catch (SAXException | IOException e) {
            throw InvalidInputException.because(XmlParserMessages.inOurWords(e.getMessage())).source(source).build(e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int formatVersion(Document dom, String source) {
        String v = dom.getDocumentElement().getAttribute(FormatMigrations.VERSION_ATTRIBUTE);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            int version = Integer.parseInt(v.trim());
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("is not a format version").source(source)
                .element(FormatMigrations.VERSION_ATTRIBUTE).value(v).allowed("0 to " + CURRENT_FORMAT)
                .fix("remove the attribute (LaunchBench then reads the file as format 0) or correct it").build();
        }
    }

    private static byte[] serializeXml(Document dom) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.newTransformer().transform(new DOMSource(dom), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not re-serialize a migrated model", e);
        }
    }
}

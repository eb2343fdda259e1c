package org.launchbench.fc.ccsds.xtce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.PacketDictionary;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an XTCE 1.2 space system laid out as {@link XtceLayout} says (as {@link XtceWriter} writes it, or a ground
 * team's file in the same layout) into a packet dictionary. Strict: an element or attribute LaunchBench cannot
 * represent (an enumeration, a calibrator on a field, another header layout, a second container in a packet) is refused
 * naming it, never dropped, so that what is read is all the file says. The dictionary's own rules (unique names and
 * APIDs, APIDs 0 to 2046) apply as for a JSON dictionary.
 */
public final class XtceReader {

    private final String source;

    private XtceReader(String source) {
        this.source = source;
    }

    /**
     * @param file an XTCE file
     * @return its dictionary
     * @throws InvalidInputException naming the file, the element and what LaunchBench cannot represent
     */
    public static PacketDictionary read(Path file) {
        byte[] bytes = InputFiles.read(file, "an XTCE dictionary", InputFiles.MODEL_LIMIT_BYTES);
        return new XtceReader(file.toString()).parse(bytes);
    }

    /** @param xml the document; @param source for messages; @return its dictionary, as {@link #read} reads it */
    public static PacketDictionary parse(byte[] xml, String source) {
        return new XtceReader(source).parse(xml);
    }

    private PacketDictionary parse(byte[] xml) {
        Element root = document(xml).getDocumentElement();
        if (!XtceLayout.NS.equals(root.getNamespaceURI()) || !"SpaceSystem".equals(root.getLocalName())) {
            throw refuse(root, "is not an XTCE 1.2 SpaceSystem", "a root SpaceSystem in the namespace " + XtceLayout.NS,
                "export the dictionary as XTCE 1.2");
        }
        attributes(root, "name");
        String system = root.getAttribute("name");
        String name = system;
        Map<String, Element> framing = new LinkedHashMap<>();
        List<PacketDictionary.Packet> packets = new ArrayList<>();
        Map<String, Element> names = new LinkedHashMap<>();
        Map<Integer, Element> apids = new LinkedHashMap<>();
        Set<String> sections = new HashSet<>();
        for (Element e : children(root)) {
            if (!e.getLocalName().equals("SpaceSystem")) {
                once(sections, e);
            }
            switch (e.getLocalName()) {
                case "LongDescription" -> {
                    attributes(e);
                    if (!children(e).isEmpty()) {
                        throw cannot(children(e).get(0));
                    }
                    name = e.getTextContent();
                }
                case "TelemetryMetaData", "CommandMetaData" -> framing.put(e.getLocalName(), e);
                case "SpaceSystem" -> {
                    PacketDictionary.Packet p = packet(e, system);
                    // the dictionary's rules, said of the XTCE element (PacketDictionary.parse checks them again)
                    if (!p.name().matches(NAME)) {
                        throw refuse(e, "is not a packet name", "letters, digits, _ and -", "rename the space system");
                    }
                    if (names.putIfAbsent(p.name(), e) != null) {
                        throw refuse(e, "is a second packet of that name", "a name of its own", "rename the space system");
                    }
                    if (p.apid() < 0 || p.apid() > 2046) {
                        throw refuse(e, "has the APID " + p.apid(), "0 to 2046 (2047 is the idle packet's)", "give the packet its own APID");
                    }
                    Element taken = apids.putIfAbsent(p.apid(), e);
                    if (taken != null) {
                        throw refuse(e, "has the APID " + p.apid() + " of " + taken.getAttribute("name") + " too", "an APID of its own",
                            "give the packet its own APID");
                    }
                    packets.add(p);
                }
                default -> throw cannot(e);
            }
        }
        checkFraming(root, system, framing);
        return PacketDictionary.parse(new PacketDictionary(name, packets).toJson(), source);
    }

    /** The names a packet can have: those of the JSON dictionary. */
    static final String NAME = "[A-Za-z0-9_-]+";

    /** Refuses a section that appears a second time: the first would be lost. */
    void once(Set<String> seen, Element e) {
        if (!seen.add(e.getLocalName())) {
            throw refuse(e, "appears a second time", "one " + e.getLocalName(), "merge the two");
        }
    }

    /** The root's headers must be LaunchBench's, element for element: the writer's own, compared as trees. */
    private void checkFraming(Element root, String system, Map<String, Element> framing) {
        Element expected = document(XtceWriter.write(new PacketDictionary("", List.of()), system).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .getDocumentElement();
        for (Element want : children(expected)) {
            if (want.getLocalName().equals("LongDescription")) {
                continue;
            }
            Element got = framing.get(want.getLocalName());
            if (got == null) {
                throw refuse(root, "has no " + want.getLocalName() + " with the packets' headers", "the CCSDS primary header, the CUC time and"
                    + " the CRC-16 as LaunchBench frames its packets", "start from launchbench dictionary export --format xtce");
            }
            same(got, want);
        }
    }

    private void same(Element got, Element want) {
        if (!got.getLocalName().equals(want.getLocalName()) || !attributeMap(got).equals(attributeMap(want))) {
            throw framingDiffers(got, want);
        }
        List<Element> a = children(got);
        List<Element> b = children(want);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size()) {
                throw refuse(got, "lacks " + b.get(i).getLocalName() + " of LaunchBench's packet framing", describe(b.get(i)),
                    "start from launchbench dictionary export --format xtce");
            }
            if (i >= b.size()) {
                throw cannot(a.get(i));
            }
            same(a.get(i), b.get(i));
        }
        if (a.isEmpty() && !got.getTextContent().strip().equals(want.getTextContent().strip())) {
            throw framingDiffers(got, want);
        }
    }

    private InvalidInputException framingDiffers(Element got, Element want) {
        return refuse(got, "differs from LaunchBench's packet framing (CCSDS primary header, CUC time, CRC-16)", describe(want),
            "LaunchBench reads packets framed as it frames them; start from launchbench dictionary export --format xtce");
    }

    private PacketDictionary.Packet packet(Element system, String root) {
        attributes(system, "name");
        String name = system.getAttribute("name");
        List<Element> parts = children(system);
        parts.stream().filter(p -> !p.getLocalName().equals("TelemetryMetaData") && !p.getLocalName().equals("CommandMetaData")).findFirst()
            .ifPresent(p -> {
                throw cannot(p);
            });
        boolean command = parts.size() == 2 && parts.get(0).getLocalName().equals("TelemetryMetaData")
            && parts.get(1).getLocalName().equals("CommandMetaData") || parts.size() == 1 && parts.get(0).getLocalName().equals("CommandMetaData");
        if (!command && !(parts.size() == 1 && parts.get(0).getLocalName().equals("TelemetryMetaData"))) {
            throw refuse(system, "holds " + parts.size() + " parts", "a TelemetryMetaData (a telemetry packet), or a CommandMetaData after its"
                + " echo's TelemetryMetaData (a telecommand)", "give each packet a space system of its own");
        }
        if (!command) {
            return new TelemetryPacket(this, root, 0).read(name, parts.get(0));
        }
        PacketDictionary.Packet p = new TelecommandPacket(this, root).read(name, parts.get(parts.size() - 1));
        if (parts.size() == 2) {
            // the echo must tell the command's fields as the command does: it is how the ground decodes it
            PacketDictionary.Packet echo = new TelemetryPacket(this, root, 1).read(name, parts.get(0));
            if (!echo.equals(p)) {
                throw refuse(parts.get(0), "tells the command's fields or APID otherwise than its MetaCommand", p.fields().toString(),
                    "write the echo from the command");
            }
        }
        return p;
    }

    /**
     * A field's type element (Float/Integer Parameter/Argument Type).
     *
     * @param e    the element
     * @param kind "Parameter" or "Argument"
     * @return its field type and unit
     */
    FieldSpec fieldType(Element e, String kind) {
        attributes(e, "name", "sizeInBits", "signed");
        boolean isFloat = e.getLocalName().equals("Float" + kind + "Type");
        if (!isFloat && !e.getLocalName().equals("Integer" + kind + "Type")) {
            throw cannot(e);
        }
        String unit = "";
        Integer bits = null;
        boolean signed = false;
        Set<String> parts = new HashSet<>();
        for (Element c : children(e)) {
            once(parts, c);
            if (bits != null && c.getLocalName().endsWith("DataEncoding")) {
                throw refuse(c, "is a second data encoding", "one", "keep one");
            }
            switch (c.getLocalName()) {
                case "UnitSet" -> {
                    attributes(c);
                    List<Element> units = children(c);
                    if (units.size() > 1) {
                        throw refuse(c, "has " + units.size() + " units", "at most one Unit", "keep one");
                    }
                    for (Element u : units) {
                        if (!u.getLocalName().equals("Unit")) {
                            throw cannot(u);
                        }
                        attributes(u);
                        unit = u.getTextContent();
                    }
                }
                case "FloatDataEncoding" -> {
                    attributes(c, "sizeInBits", "encoding");
                    if (!isFloat || !c.getAttribute("encoding").equals("IEEE754_1985") || !children(c).isEmpty()) {
                        throw cannot(children(c).isEmpty() ? c : children(c).get(0));
                    }
                    bits = number(c, "sizeInBits");
                }
                case "IntegerDataEncoding" -> {
                    attributes(c, "sizeInBits", "encoding");
                    if (isFloat || !children(c).isEmpty()) {
                        // a raw integer calibrated to a float: LaunchBench's fields carry no calibrators
                        throw cannot(children(c).isEmpty() ? c : children(c).get(0));
                    }
                    signed = switch (c.getAttribute("encoding")) {
                        case "unsigned" -> false;
                        case "twosComplement" -> true;
                        default -> throw refuse(c, "has the encoding '" + c.getAttribute("encoding") + "'", "unsigned or twosComplement",
                            "use one of those");
                    };
                    bits = number(c, "sizeInBits");
                }
                default -> throw cannot(c);
            }
        }
        if (bits == null) {
            throw refuse(e, "has no data encoding", "a FloatDataEncoding or IntegerDataEncoding", "say how the field is encoded");
        }
        PacketDictionary.FieldType t = XtceLayout.fieldType(isFloat, signed, bits);
        if (t == null) {
            throw refuse(e, "is a " + bits + "-bit " + (isFloat ? "float" : signed ? "signed integer" : "unsigned integer"),
                "u8, u16, u32, i16, i32, f32 or f64", "encode the field as one of those");
        }
        return new FieldSpec(t, unit);
    }

    /**
     * @param set  a ParameterTypeSet or ArgumentTypeSet
     * @param kind "Parameter" or "Argument"
     * @return its types by name, each a field's encoding and unit
     */
    Map<String, FieldSpec> typeSet(Element set, String kind) {
        attributes(set);
        Map<String, FieldSpec> types = new LinkedHashMap<>();
        for (Element t : children(set)) {
            if (types.put(t.getAttribute("name"), fieldType(t, kind)) != null) {
                throw refuse(t, "declares '" + t.getAttribute("name") + "' twice", "one declaration", "rename one");
            }
        }
        return types;
    }

    /** Checks a leaf: the element expected, without children, with only the attributes given. */
    void leaf(Element e, String element, String... allowed) {
        if (!e.getLocalName().equals(element) || !children(e).isEmpty()) {
            throw cannot(e.getLocalName().equals(element) ? children(e).get(0) : e);
        }
        attributes(e, allowed);
    }

    /**
     * @param set     a ContainerSet or MetaCommandSet
     * @param element the one element it may hold (SequenceContainer, MetaCommand)
     * @param what    what it holds, in the refusal ("containers", "commands")
     * @return that element
     */
    Element single(Element set, String element, String what) {
        attributes(set);
        List<Element> held = children(set);
        if (held.size() != 1 || !held.get(0).getLocalName().equals(element)) {
            throw refuse(set, "holds " + held.size() + " " + what, "one " + element + ", the packet's", "give each packet a space system of its own");
        }
        return held.get(0);
    }

    /** A field's encoding and unit, as its type element says. */
    record FieldSpec(PacketDictionary.FieldType type, String unit) {
    }

    /** Refuses an attribute not among those allowed (namespace declarations aside). */
    void attributes(Element e, String... allowed) {
        Set<String> ok = Set.of(allowed);
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            if (!ok.contains(a.getLocalName() == null ? a.getName() : a.getLocalName())) {
                throw InvalidInputException.because("is an attribute LaunchBench cannot represent").source(source)
                    .element(path(e) + "/@" + a.getName()).value(a.getValue()).allowed(ok.isEmpty() ? "none" : String.join(", ", ok))
                    .fix("remove it, or keep the dictionary in XTCE tools that use it").build();
            }
        }
    }

    /** @return the attribute as a whole number */
    int number(Element e, String attribute) {
        try {
            return Integer.parseInt(e.getAttribute(attribute));
        } catch (NumberFormatException x) {
            throw InvalidInputException.because("is not a whole number").source(source).element(path(e) + "/@" + attribute)
                .value(e.getAttribute(attribute)).build();
        }
    }

    /** @return the element's child elements (text and comments aside; text where elements are expected is refused) */
    List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (!XtceLayout.NS.equals(c.getNamespaceURI())) {
                    throw refuse(c, "is not in the XTCE 1.2 namespace", XtceLayout.NS, "remove it");
                }
                out.add(c);
            }
        }
        return out;
    }

    /** @return the refusal of an element LaunchBench has no place for */
    InvalidInputException cannot(Element e) {
        return InvalidInputException.because("is an XTCE construct LaunchBench cannot represent: it would be lost, so the file is refused")
            .source(source).element(path(e)).fix("remove it, or keep the dictionary in XTCE tools that use it").build();
    }

    InvalidInputException refuse(Element e, String problem, String allowed, String fix) {
        return InvalidInputException.because(problem).source(source).element(path(e)).allowed(allowed).fix(fix).build();
    }

    /** @return the element's path: SpaceSystem[landing]/SpaceSystem[imu]/TelemetryMetaData/... (names where it has one) */
    static String path(Element e) {
        List<String> parts = new ArrayList<>();
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            String local = x.getLocalName() == null ? x.getTagName() : x.getLocalName();
            parts.add(0, x.hasAttribute("name") ? local + "[" + x.getAttribute("name") + "]" : local);
        }
        return String.join("/", parts);
    }

    private static String describe(Element e) {
        StringBuilder b = new StringBuilder(e.getLocalName());
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                b.append(' ').append(a.getName()).append("=\"").append(a.getValue()).append('"');
            }
        }
        return b.toString();
    }

    private static Map<String, String> attributeMap(Element e) {
        Map<String, String> m = new java.util.TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                m.put(a.getName(), a.getValue());
            }
        }
        return m;
    }

    /** Parses without DTDs or external entities: a dictionary file cannot make the reader fetch or expand anything. */
    private Document document(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw InvalidInputException.because("is not well-formed XML: " + e.getMessage()).source(source)
                .element("line " + e.getLineNumber() + ", column " + e.getColumnNumber()).build(e);
        } catch (SAXException e) {
            throw InvalidInputException.because("is not well-formed XML: " + e.getMessage()).source(source).build(e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the JDK's XML parser: " + e.getMessage(), e);
        }
    }

    /** Names must be unique within a packet: a field declared twice would be one field lost. */
    static void unique(Set<String> seen, String name, XtceReader r, Element e) {
        if (!seen.add(name)) {
            throw r.refuse(e, "declares '" + name + "' twice", "one declaration", "rename one");
        }
    }
}

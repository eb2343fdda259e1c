package org.launchbench.fc.ccsds.xtce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.fc.api.PacketDictionary;
import org.w3c.dom.Element;

/**
 * A telemetry packet's space system read: its fields' types and parameters, and one sequence container based on the
 * root's {@value XtceLayout#TM_BASE}, restricted to its APID and packet type, whose entries are the fields in order and
 * then the packet error control. A telecommand's echo (the command as the ground sees it mirrored) reads the same way,
 * with the telecommand type and the container {@code NAME-echo}.
 */
final class TelemetryPacket {

    private final XtceReader r;
    private final String root;
    private final Map<String, XtceReader.FieldSpec> types = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private final int type;

    /**
     * @param reader the document's reader
     * @param root   the root space system's name
     * @param type   the packet type the container is restricted to: 0 telemetry, 1 a telecommand's echo
     */
    TelemetryPacket(XtceReader reader, String root, int type) {
        this.r = reader;
        this.root = root;
        this.type = type;
    }

    PacketDictionary.Packet read(String name, Element meta) {
        r.attributes(meta);
        Element container = null;
        Set<String> sections = new HashSet<>();
        for (Element part : r.children(meta)) {
            r.once(sections, part);
            switch (part.getLocalName()) {
                case "ParameterTypeSet" -> types.putAll(r.typeSet(part, "Parameter"));
                case "ParameterSet" -> {
                    r.attributes(part);
                    for (Element p : r.children(part)) {
                        if (!p.getLocalName().equals("Parameter") || !r.children(p).isEmpty()) {
                            throw r.cannot(p.getLocalName().equals("Parameter") ? r.children(p).get(0) : p);
                        }
                        r.attributes(p, "name", "parameterTypeRef");
                        if (parameters.put(p.getAttribute("name"), p.getAttribute("parameterTypeRef")) != null) {
                            throw r.refuse(p, "declares '" + p.getAttribute("name") + "' twice", "one declaration", "rename one");
                        }
                    }
                }
                case "ContainerSet" -> {
                    r.attributes(part);
                    List<Element> containers = r.children(part);
                    if (containers.size() != 1 || !containers.get(0).getLocalName().equals("SequenceContainer")) {
                        throw r.refuse(part, "holds " + containers.size() + " containers", "one SequenceContainer, the packet's",
                            "give each packet a space system of its own");
                    }
                    container = containers.get(0);
                }
                default -> throw r.cannot(part);
            }
        }
        if (container == null) {
            throw r.refuse(meta, "has no SequenceContainer", "the packet's container", "declare the packet's layout");
        }
        r.attributes(container, "name");
        String want = type == 0 ? name : XtceLayout.echo(name);
        if (!container.getAttribute("name").equals(want)) {
            throw r.refuse(container, "is named apart from its space system '" + name + "'", want, "name the container " + want);
        }
        List<PacketDictionary.Field> fields = new ArrayList<>();
        Integer apid = null;
        Set<String> parts = new HashSet<>();
        for (Element c : r.children(container)) {
            r.once(parts, c);
            switch (c.getLocalName()) {
                case "EntryList" -> entries(c, fields);
                case "BaseContainer" -> apid = base(c);
                default -> throw r.cannot(c);
            }
        }
        if (apid == null) {
            throw r.refuse(container, "has no BaseContainer", "/" + root + "/" + XtceLayout.TM_BASE + " restricted to its APID",
                "base the packet on the headers' container");
        }
        if (fields.size() != parameters.size()) {
            throw r.refuse(meta, "declares parameters its container does not hold", "every parameter in the container's entries",
                "remove the unused ones");
        }
        if (!new HashSet<>(parameters.values()).containsAll(types.keySet())) {
            throw r.refuse(meta, "declares parameter types no parameter uses", "a type for each parameter", "remove the unused ones");
        }
        return new PacketDictionary.Packet(name, apid, type == 0 ? PacketDictionary.Direction.TELEMETRY : PacketDictionary.Direction.TELECOMMAND,
            List.copyOf(fields));
    }

    private void entries(Element list, List<PacketDictionary.Field> fields) {
        r.attributes(list);
        List<Element> entries = r.children(list);
        String pec = "/" + root + "/" + XtceLayout.PEC;
        if (entries.isEmpty() || !entries.get(entries.size() - 1).getAttribute("parameterRef").equals(pec)) {
            throw r.refuse(list, "does not end with the packet error control", "the fields, then ParameterRefEntry parameterRef=\"" + pec + "\"",
                "end the packet with its CRC-16");
        }
        Set<String> seen = new HashSet<>();
        for (Element e : entries.subList(0, entries.size() - 1)) {
            if (!e.getLocalName().equals("ParameterRefEntry") || !r.children(e).isEmpty()) {
                throw r.cannot(e.getLocalName().equals("ParameterRefEntry") ? r.children(e).get(0) : e);
            }
            r.attributes(e, "parameterRef");
            String ref = e.getAttribute("parameterRef");
            XtceReader.unique(seen, ref, r, e);
            String type = parameters.get(ref);
            if (type == null || !types.containsKey(type)) {
                throw r.refuse(e, "refers to '" + ref + "', which is not a parameter of this packet with a type declared here",
                    String.join(", ", parameters.keySet()), "declare the parameter and its type in the packet's space system");
            }
            XtceReader.FieldSpec spec = types.get(type);
            fields.add(new PacketDictionary.Field(ref, spec.type(), spec.unit()));
        }
        Element crc = entries.get(entries.size() - 1);
        if (!crc.getLocalName().equals("ParameterRefEntry") || !r.children(crc).isEmpty()) {
            throw r.cannot(crc.getLocalName().equals("ParameterRefEntry") ? r.children(crc).get(0) : crc);
        }
        r.attributes(crc, "parameterRef");
    }

    /** @return the APID the base container is restricted to (and the telemetry type) */
    private int base(Element base) {
        r.attributes(base, "containerRef");
        if (!base.getAttribute("containerRef").equals("/" + root + "/" + XtceLayout.TM_BASE)) {
            throw r.refuse(base, "is based on '" + base.getAttribute("containerRef") + "'", "/" + root + "/" + XtceLayout.TM_BASE,
                "base the packet on the headers' container");
        }
        List<Element> criteria = r.children(base);
        if (criteria.size() != 1 || !criteria.get(0).getLocalName().equals("RestrictionCriteria")) {
            throw r.refuse(base, "is not restricted to an APID", "RestrictionCriteria with a ComparisonList", "restrict it to the APID");
        }
        r.attributes(criteria.get(0));
        List<Element> lists = r.children(criteria.get(0));
        if (lists.size() != 1 || !lists.get(0).getLocalName().equals("ComparisonList")) {
            throw r.cannot(lists.isEmpty() ? criteria.get(0) : lists.get(0));
        }
        r.attributes(lists.get(0));
        Integer apid = null;
        boolean typed = false;
        for (Element c : r.children(lists.get(0))) {
            if (!c.getLocalName().equals("Comparison")) {
                throw r.cannot(c);
            }
            r.attributes(c, "parameterRef", "value");
            String ref = c.getAttribute("parameterRef");
            if (ref.equals("/" + root + "/" + XtceLayout.APID) && apid == null) {
                apid = r.number(c, "value");
            } else if (ref.equals("/" + root + "/" + XtceLayout.TYPE) && c.getAttribute("value").equals(Integer.toString(type)) && !typed) {
                typed = true;
            } else {
                throw r.refuse(c, "restricts the packet by " + ref + " = " + c.getAttribute("value"), "the APID, and the type " + type,
                    "LaunchBench tells packets apart by their APID only");
            }
        }
        if (apid == null || !typed) {
            throw r.refuse(lists.get(0), "does not give both the APID and the packet type", "ccsds_apid = N and ccsds_type = " + type,
                "restrict the packet by both");
        }
        return apid;
    }
}

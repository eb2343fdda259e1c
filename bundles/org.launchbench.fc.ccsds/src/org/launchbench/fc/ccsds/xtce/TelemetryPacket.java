package org.launchbench.fc.ccsds.xtce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final DeclaredFields parameters;
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
        this.parameters = new DeclaredFields(reader, "Parameter", "packet");
    }

    PacketDictionary.Packet read(String name, Element meta) {
        r.attributes(meta);
        Element container = null;
        Set<String> sections = new HashSet<>();
        for (Element part : r.children(meta)) {
            r.once(sections, part);
            switch (part.getLocalName()) {
                case "ParameterTypeSet" -> parameters.types().putAll(r.typeSet(part, "Parameter"));
                case "ParameterSet" -> parameters.declare(part);
                case "ContainerSet" -> container = r.single(part, "SequenceContainer", "containers");
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
        parameters.allUsed(meta, meta, fields.size());
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
            fields.add(parameters.field(e, seen));
        }
        r.leaf(entries.get(entries.size() - 1), "ParameterRefEntry", "parameterRef");
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

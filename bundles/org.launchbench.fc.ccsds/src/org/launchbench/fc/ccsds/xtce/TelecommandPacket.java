package org.launchbench.fc.ccsds.xtce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.launchbench.fc.api.PacketDictionary;
import org.w3c.dom.Element;

/**
 * A telecommand's space system read: its arguments' types, and one meta-command based on the root's
 * {@value XtceLayout#TC_BASE} with its APID and packet length assigned, whose container holds the arguments in order
 * (the ground's command post-processor appends the CRC-16).
 */
final class TelecommandPacket {

    private final XtceReader r;
    private final String root;
    private final DeclaredFields arguments;

    TelecommandPacket(XtceReader reader, String root) {
        this.r = reader;
        this.root = root;
        this.arguments = new DeclaredFields(reader, "Argument", "command");
    }

    PacketDictionary.Packet read(String name, Element meta) {
        r.attributes(meta);
        Element command = null;
        Set<String> sections = new HashSet<>();
        for (Element part : r.children(meta)) {
            r.once(sections, part);
            switch (part.getLocalName()) {
                case "ArgumentTypeSet" -> arguments.types().putAll(r.typeSet(part, "Argument"));
                case "MetaCommandSet" -> command = r.single(part, "MetaCommand", "commands");
                default -> throw r.cannot(part);
            }
        }
        if (command == null) {
            throw r.refuse(meta, "has no MetaCommand", "the telecommand's", "declare the telecommand");
        }
        r.attributes(command, "name");
        if (!command.getAttribute("name").equals(name)) {
            throw r.refuse(command, "is named apart from its space system '" + name + "'", name, "name the command as its packet");
        }
        Integer apid = null;
        List<PacketDictionary.Field> fields = null;
        Set<String> parts = new HashSet<>();
        for (Element c : r.children(command)) {
            r.once(parts, c);
            switch (c.getLocalName()) {
                case "BaseMetaCommand" -> apid = base(c);
                case "ArgumentList" -> arguments.declare(c);
                case "CommandContainer" -> fields = container(c, name);
                default -> throw r.cannot(c);
            }
        }
        if (apid != null && fields != null && length != XtceLayout.packetLength(fields.stream().mapToInt(f -> f.type().bytes()).sum())) {
            throw r.refuse(command, "assigns the packet length " + length + ", which its arguments do not make", "the octets after the"
                + " primary header less one: 6 of time, the arguments, 2 of CRC, less 1", "assign the length the arguments make");
        }
        if (apid == null || fields == null) {
            throw r.refuse(command, "lacks its " + (apid == null ? "BaseMetaCommand" : "CommandContainer"),
                "a BaseMetaCommand assigning the APID and a CommandContainer", "declare both");
        }
        arguments.allUsed(command, meta, fields.size());
        return new PacketDictionary.Packet(name, apid, PacketDictionary.Direction.TELECOMMAND, List.copyOf(fields));
    }

    /** The packet length the base assignment gives. */
    private int length = -1;

    private int base(Element base) {
        r.attributes(base, "metaCommandRef");
        String want = "/" + root + "/" + XtceLayout.TC_BASE;
        if (!base.getAttribute("metaCommandRef").equals(want)) {
            throw r.refuse(base, "is based on '" + base.getAttribute("metaCommandRef") + "'", want, "base the command on the headers' command");
        }
        List<Element> lists = r.children(base);
        if (lists.size() != 1 || !lists.get(0).getLocalName().equals("ArgumentAssignmentList")) {
            throw r.refuse(base, "does not assign the APID", "an ArgumentAssignmentList with ccsds_apid", "assign the APID");
        }
        r.attributes(lists.get(0));
        Integer apid = null;
        for (Element a : r.children(lists.get(0))) {
            if (!a.getLocalName().equals("ArgumentAssignment")) {
                throw r.cannot(a);
            }
            r.attributes(a, "argumentName", "argumentValue");
            String name = a.getAttribute("argumentName");
            if (name.equals(XtceLayout.APID) && apid == null) {
                apid = r.number(a, "argumentValue");
            } else if (name.equals(XtceLayout.LENGTH) && length < 0) {
                length = r.number(a, "argumentValue");
            } else {
                throw r.refuse(a, "assigns " + name, XtceLayout.APID + " and " + XtceLayout.LENGTH + ", once each",
                    "assign the APID and the length only");
            }
        }
        if (apid == null || length < 0) {
            throw r.refuse(lists.get(0), "does not assign both the APID and the packet length", XtceLayout.APID + " and " + XtceLayout.LENGTH,
                "assign both");
        }
        return apid;
    }

    private List<PacketDictionary.Field> container(Element container, String name) {
        r.attributes(container, "name");
        if (!container.getAttribute("name").equals(name)) {
            throw r.refuse(container, "is named apart from its command '" + name + "'", name, "name the container as its packet");
        }
        List<PacketDictionary.Field> fields = new ArrayList<>();
        boolean based = false;
        Set<String> parts = new HashSet<>();
        for (Element c : r.children(container)) {
            r.once(parts, c);
            switch (c.getLocalName()) {
                case "EntryList" -> entries(c, fields);
                case "BaseContainer" -> {
                    r.attributes(c, "containerRef");
                    if (!c.getAttribute("containerRef").equals("/" + root + "/" + XtceLayout.TC_BASE) || !r.children(c).isEmpty()) {
                        throw r.refuse(c, "is based on '" + c.getAttribute("containerRef") + "'", "/" + root + "/" + XtceLayout.TC_BASE,
                            "base the container on the headers' command container");
                    }
                    based = true;
                }
                default -> throw r.cannot(c);
            }
        }
        if (!based) {
            throw r.refuse(container, "has no BaseContainer", "/" + root + "/" + XtceLayout.TC_BASE, "base it on the headers' container");
        }
        return fields;
    }

    private void entries(Element list, List<PacketDictionary.Field> fields) {
        r.attributes(list);
        Set<String> seen = new HashSet<>();
        for (Element e : r.children(list)) {
            fields.add(arguments.field(e, seen));
        }
    }
}

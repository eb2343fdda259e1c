package org.launchbench.fc.ccsds.xtce;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.launchbench.fc.api.PacketDictionary;
import org.w3c.dom.Element;

/**
 * A packet's fields as parameters or arguments: a declaration list (ParameterSet of Parameter, ArgumentList of
 * Argument), the types declared beside it, and the entries that lay them out.
 *
 * @param r      the document's reader
 * @param kind   "Parameter" or "Argument"
 * @param owner  what holds them, in refusals ("packet", "command")
 * @param typeOf each declared name's type name
 * @param types  the types declared beside them, by name
 */
record DeclaredFields(XtceReader r, String kind, String owner, Map<String, String> typeOf, Map<String, XtceReader.FieldSpec> types) {

    DeclaredFields(XtceReader r, String kind, String owner) {
        this(r, kind, owner, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private String noun() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** Takes a declaration list: each name to its type's name, none declared twice. */
    void declare(Element list) {
        r.attributes(list);
        for (Element d : r.children(list)) {
            r.leaf(d, kind, "name", noun() + "TypeRef");
            if (typeOf.put(d.getAttribute("name"), d.getAttribute(noun() + "TypeRef")) != null) {
                throw r.refuse(d, "declares '" + d.getAttribute("name") + "' twice", "one declaration", "rename one");
            }
        }
    }

    /** @return the field an entry (ParameterRefEntry, ArgumentRefEntry) lays out; an entry of a field laid out before is refused */
    PacketDictionary.Field field(Element e, Set<String> seen) {
        r.leaf(e, kind + "RefEntry", noun() + "Ref");
        String ref = e.getAttribute(noun() + "Ref");
        XtceReader.unique(seen, ref, r, e);
        String type = typeOf.get(ref);
        if (type == null || !types.containsKey(type)) {
            throw r.refuse(e, "refers to '" + ref + "', which is not " + (kind.equals("Argument") ? "an " : "a ") + noun() + " of this "
                + owner + " with a type declared here", String.join(", ", typeOf.keySet()), "declare the " + noun() + " and its type in the "
                + owner + "'s space system");
        }
        XtceReader.FieldSpec spec = types.get(type);
        return new PacketDictionary.Field(ref, spec.type(), spec.unit());
    }

    /**
     * Refuses declarations or types the entries leave unused: they would be lost.
     *
     * @param declaredAt where the declarations are (named in the refusal)
     * @param typesAt    where the types are
     * @param fields     the fields the entries laid out
     */
    void allUsed(Element declaredAt, Element typesAt, int fields) {
        if (fields != typeOf.size()) {
            throw r.refuse(declaredAt, "declares " + noun() + "s its container does not hold", "every " + noun() + " in the container's entries",
                "remove the unused ones");
        }
        if (!new HashSet<>(typeOf.values()).containsAll(types.keySet())) {
            throw r.refuse(typesAt, "declares " + noun() + " types no " + noun() + " uses", "a type for each " + noun(), "remove the unused ones");
        }
    }
}

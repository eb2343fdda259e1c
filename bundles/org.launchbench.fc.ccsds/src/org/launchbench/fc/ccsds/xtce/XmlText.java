package org.launchbench.fc.ccsds.xtce;

import java.util.ArrayDeque;
import java.util.Deque;

/** An indented XML document written element by element, its text and attribute values escaped. */
final class XmlText {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element; attributes as name, value pairs. */
    XmlText start(String name, String... attributes) {
        tag(name, attributes);
        out.append(">\n");
        open.push(name);
        return this;
    }

    /** An element without content. */
    XmlText empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding text. */
    XmlText text(String name, String text, String... attributes) {
        tag(name, attributes);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /** Closes the innermost element. */
    XmlText end() {
        String name = open.pop();
        out.append("  ".repeat(open.size())).append("</").append(name).append(">\n");
        return this;
    }

    private void tag(String name, String... attributes) {
        out.append("  ".repeat(open.size())).append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    /** @return the document (every element closed) */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed: " + open);
        }
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

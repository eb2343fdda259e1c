package org.launchbench.core;

/**
 * The JDK XML parser's complaints in our words. Its limits are named by JAXP codes and JDK property names, a refused
 * document type by a feature URI; a user needs neither (issue 28: no library internals in messages).
 */
public final class XmlParserMessages {

    /** The deepest nesting of elements accepted (the JDK's own default since JDK 24, stated here for every JDK). */
    public static final int MAX_DEPTH = 100;

    private XmlParserMessages() {
    }

    /**
     * Sets the limits this class speaks of on a parser factory: {@link #MAX_DEPTH} levels of elements.
     *
     * @param setAttribute the factory's {@code setAttribute} (DocumentBuilderFactory) or {@code setProperty} (SAXParser)
     */
    public static void limit(java.util.function.BiConsumer<String, Object> setAttribute) {
        try {
            setAttribute.accept("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a parser without the property: its own limits hold
        }
    }

    /**
     * @param parserMessage the parser's message (a SAXParseException's)
     * @return what is wrong with the file, for an {@link InvalidInputException}'s problem
     */
    public static String inOurWords(String parserMessage) {
        // the limits are set explicitly where the parsers are made (MAX_DEPTH), so the words hold on every JDK
        String m = parserMessage == null ? "" : parserMessage;
        if (m.contains("DOCTYPE")) {
            return "declares a document type (<!DOCTYPE ...>): these files have none, and entities in them are never read";
        }
        if (m.contains("maxElementDepth") || m.contains("JAXP00010006")) {
            return "nests elements deeper than the XML reader allows (100 levels)";
        }
        if (m.contains("JAXP")) {
            return "is beyond what the XML reader accepts (entities, attributes or names too many or too large)";
        }
        // the parser's sentence ends with a full stop (the message adds its own); a feature's URI says nothing to a user
        String said = m.replaceAll("\"?https?://\\S+", "(a parser feature)").strip();
        return "is not well-formed XML: " + (said.endsWith(".") ? said.substring(0, said.length() - 1) : said);
    }
}

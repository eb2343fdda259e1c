package org.launchbench.core;

/**
 * The JDK XML parser's complaints in our words. Its limits are named by JAXP codes and JDK property names, a refused
 * document type by a feature URI; a user needs neither (issue 28: no library internals in messages).
 */
public final class XmlParserMessages {

    private XmlParserMessages() {
    }

    /**
     * @param parserMessage the parser's message (a SAXParseException's)
     * @return what is wrong with the file, for an {@link InvalidInputException}'s problem
     */
    public static String inOurWords(String parserMessage) {
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
        // the parser's sentence ends with a full stop; the message adds its own
        return "is not well-formed XML: " + (m.endsWith(".") ? m.substring(0, m.length() - 1) : m);
    }
}

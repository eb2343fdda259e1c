package org.launchbench.fc.ccsds;

import java.nio.file.Path;
import java.util.Locale;

import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.xtce.XtceReader;

/** A packet dictionary file as the commands take one: XTCE 1.2 in LaunchBench's packet layout when it ends in .xml, else JSON. */
public final class DictionaryFiles {

    private DictionaryFiles() {
    }

    /**
     * @param file a dictionary file
     * @return its dictionary
     * @throws org.launchbench.core.InvalidInputException naming the file and the element for any mistake
     */
    public static PacketDictionary read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") ? XtceReader.read(file) : PacketDictionary.read(file);
    }
}

package org.launchbench.fc.api;

import java.time.Duration;

/**
 * A protocol's links, contributed as a DS service: the workbench finds the provider for the protocol a user names
 * and opens links through it. {@code org.launchbench.fc.ccsds} provides "ccsds"; a third party's avionics bundle
 * provides its own.
 */
public interface LinkProvider {

    /** @return the protocol's name, e.g. "ccsds" */
    String protocol();

    /**
     * The workbench's end: connects to a listening flight computer.
     *
     * @param silence no valid packet for this long makes the link silent
     * @throws org.launchbench.core.InvalidInputException when the endpoint cannot be opened
     */
    FlightComputerLink connect(Endpoint endpoint, PacketDictionary dictionary, Duration silence);

    /** The flight computer's end: listens on the endpoint. */
    FlightComputerLink listen(Endpoint endpoint, PacketDictionary dictionary, Duration silence);
}

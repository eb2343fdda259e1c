package org.launchbench.fc.reference.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.launchbench.fc.ccsds.CcsdsLinkProvider;
import org.launchbench.fc.ccsds.ShippedDictionaries;

/**
 * fc-sim's rehearsal flies its 10,000 cycles through the computer over a real loopback socket, and the computer
 * answers at least nine in ten within the 2 ms each cycle waits (9,475 and 9,603 in two runs of the product: the
 * cold first cycles are slower). A rehearsal the computer did not fly would compile nothing.
 */
class RehearsalTest {

    @Test
    void theComputerFliesTheRehearsal() {
        long answered = Rehearsal.fly(new CcsdsLinkProvider(), ShippedDictionaries.landing(), 20, 1);
        assertTrue(answered > 9_000, answered + " of 10,000 cycles answered");
    }
}

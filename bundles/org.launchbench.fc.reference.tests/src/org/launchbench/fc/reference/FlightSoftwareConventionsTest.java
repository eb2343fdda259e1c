package org.launchbench.fc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.CcsdsLink;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.fc.hil.LoopStatistics;
import org.launchbench.fc.hil.RealTimeLoop;
import org.launchbench.trajectory.ascent.RecoveryResult;

/**
 * Issue 27: a flight computer that speaks cFS's message headers, or F Prime-style packets, is bench-tested without a
 * translation layer: the plant and the reference computer both speak the example dictionary, and the Falcon 9
 * example's landing burn flies through it.
 */
class FlightSoftwareConventionsTest {

    private static PacketDictionary example(String name) {
        // read as hil --dictionary and fc-sim --dictionary read it: checked to carry the landing loop
        return LandingPlant.dictionary(Optional.of(Path.of("../../examples/dictionaries", name)));
    }

    private static LoopStatistics fly(LandingPlant plant, PacketDictionary d, double seconds) throws Exception {
        int port = ReferenceFlightComputerTest.freePort();
        try (CcsdsLink computerEnd = CcsdsLink.listen(Endpoint.parse("udp://127.0.0.1:" + port, "--listen"), d, Duration.ofSeconds(1));
             ReferenceFlightComputer fc = new ReferenceFlightComputer(computerEnd, 20, 1);
             CcsdsLink bench = CcsdsLink.connect(Endpoint.parse("udp://127.0.0.1:" + port, "--fc"), d, Duration.ofMillis(500))) {
            return new RealTimeLoop(100, seconds).run(plant, bench, null);
        }
    }

    /** In cFS framing the stage lands within the loop's tolerances (ReferenceFlightComputerTest's: 10 m, 2 m/s). */
    @Test
    void theStageLandsWithAComputerSpeakingCfsHeaders() throws Exception {
        LandingPlant plant = new LandingPlant(ReferenceFlightComputerTest.falcon9().burn());
        LoopStatistics stats = fly(plant, example("landing-cfs.json"), 60);
        assertTrue(plant.finished(), stats.toString());
        RecoveryResult r = plant.result();
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        assertTrue(r.missDistance() < 10 && r.touchdownVerticalSpeed() < 2 && r.touchdownHorizontalSpeed() < 2, r.toString());
        assertTrue(stats.answered() > 0.98 * stats.cycles(), stats.toString());
        assertEquals(0, stats.link().packetsCorrupt() + stats.link().packetsLost(), stats.toString());
    }

    /**
     * F Prime-style packets carry the loop the same way: the first 5 s of the burn, every cycle but the first few
     * answered (the computer waits for the stage's parameters) and the engines lit.
     */
    @Test
    void fPrimeStylePacketsCarryTheLoop() throws Exception {
        LandingPlant plant = new LandingPlant(ReferenceFlightComputerTest.falcon9().burn());
        LoopStatistics stats = fly(plant, example("landing-fprime.json"), 5);
        assertTrue(stats.answered() > 0.95 * stats.cycles(), stats.toString());
        assertEquals(0, stats.link().packetsCorrupt() + stats.link().packetsLost(), stats.toString());
        assertTrue(plant.sensors(5).get("engine-state").get("lit") == 1, "the engines burn");
    }
}

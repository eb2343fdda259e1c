package org.launchbench.constellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.launchbench.core.OrekitData;
import org.orekit.frames.Frame;
import org.orekit.orbits.CircularOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.orbits.WalkerConstellation;
import org.orekit.orbits.WalkerConstellationSlot;
import org.orekit.time.AbsoluteDate;

/** Walker geometry against Orekit's {@link WalkerConstellation}, and T/P/F checks. */
class ConstellationDesignTest {

    /**
     * Galileo's 24/3/1 at 23,222 km and 56° (a delta) and a 12/3/1 star: every slot's node and argument of latitude
     * as Orekit builds them from the same reference slot, to 1e-9 rad.
     */
    @Test
    void walkerSlotsAreOreksits() {
        for (boolean star : new boolean[] {false, true}) {
            int t = star ? 12 : 24;
            ConstellationDesign d = ConstellationDesign.walker("test", star, Instant.parse("2027-01-01T00:00:00Z"), t, 3, 1, 23_222_000,
                Math.toRadians(56), Math.toRadians(10));
            OrekitData data = OrekitData.bundled();
            Frame frame = data.context().getFrames().getEME2000();
            CircularOrbit reference = new CircularOrbit(NodalPrecessionTest.EARTH.equatorialRadius() + 23_222_000, 0, 0,
                Math.toRadians(56), Math.toRadians(10), 0, PositionAngleType.TRUE, frame,
                new AbsoluteDate(2027, 1, 1, 0, 0, 0.0, data.context().getTimeScales().getUTC()), NodalPrecessionTest.EARTH.mu());
            List<List<WalkerConstellationSlot<CircularOrbit>>> orekit = new WalkerConstellation(t, 3, 1,
                star ? WalkerConstellation.Pattern.STAR : WalkerConstellation.Pattern.DELTA).buildRegularSlots(reference);
            List<Slot> slots = d.slots();
            assertEquals(t, slots.size());
            for (Slot s : slots) {
                CircularOrbit o = (CircularOrbit) OrbitType.CIRCULAR.convertType(orekit.get(s.plane()).get(s.index()).getOrbit());
                assertEquals(0, Math.IEEEremainder(o.getRightAscensionOfAscendingNode() - s.raan(), 2 * Math.PI), 1e-9, "node of " + s);
                assertEquals(0, Math.IEEEremainder(o.getAlphaV() - s.argumentOfLatitude(), 2 * Math.PI), 1e-9, "latitude argument of " + s);
            }
        }
    }

    /** A slot list: slots sharing altitude, inclination and node make a plane; planes by node, slots by latitude argument. */
    @Test
    void listedSlotsAreGroupedIntoPlanes() {
        double i = Math.toRadians(60);
        ConstellationDesign d = ConstellationDesign.fromSlots("s", Instant.parse("2027-01-01T00:00:00Z"), List.of(
            new ConstellationDesign.SlotSpec(1_200_000, i, Math.toRadians(120), Math.toRadians(90)),
            new ConstellationDesign.SlotSpec(1_200_000, i, Math.toRadians(0), Math.toRadians(180)),
            new ConstellationDesign.SlotSpec(1_200_000, i, Math.toRadians(120), Math.toRadians(10)),
            new ConstellationDesign.SlotSpec(1_200_000, i, Math.toRadians(0), Math.toRadians(0)),
            new ConstellationDesign.SlotSpec(1_000_000, i, Math.toRadians(0), Math.toRadians(45))));
        assertEquals(3, d.planes().size());
        assertEquals(List.of(1, 2, 2), d.planes().stream().map(Plane::satellites).toList());
        assertEquals(1_000_000, d.planes().get(0).altitude());
        assertEquals(120, Math.toDegrees(d.planes().get(2).raan()), 1e-9);
        List<Slot> slots = d.slots();
        assertEquals(5, slots.size());
        assertEquals(10, Math.toDegrees(slots.get(3).argumentOfLatitude()), 1e-9);
        assertEquals(2, slots.get(4).plane());
        assertEquals(1, slots.get(4).index());
    }

    @Test
    void anInconsistentWalkerPatternIsExplained() {
        assertNull(ConstellationDesign.walkerProblem(24, 3, 1));
        assertTrue(ConstellationDesign.walkerProblem(25, 3, 1).contains("do not divide"), ConstellationDesign.walkerProblem(25, 3, 1));
        assertTrue(ConstellationDesign.walkerProblem(24, 3, 3).contains("outside 0 to P - 1 = 2"));
        assertTrue(ConstellationDesign.walkerProblem(0, 3, 0).contains("at least 1"));
    }
}

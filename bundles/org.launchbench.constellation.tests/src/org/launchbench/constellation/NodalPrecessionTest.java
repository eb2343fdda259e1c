package org.launchbench.constellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.orekit.forces.gravity.J2OnlyPerturbation;
import org.orekit.frames.Frame;
import org.orekit.orbits.CircularOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.time.AbsoluteDate;

/**
 * The J2 secular rates plane separation rests on, against the textbook's closed forms and values and against
 * Orekit's numerical propagation with its own J2 force model.
 */
class NodalPrecessionTest {

    static final EarthModel EARTH = EarthModel.WGS84;
    static final NodalPrecession J2 = new NodalPrecession(EARTH);
    static final double DAY = 86_400;

    /**
     * Sun-synchronous: at the inclination OrbitGeometry gives, the node turns at the mean Sun's 360° a tropical
     * year; and that inclination is the tabulated 98.19° at 700 km and 97.40° at 500 km (the values of the usual
     * sun-synchronous tables, e.g. Wertz and Larson, Space Mission Analysis and Design; 0.02° tolerance for the
     * tables' rounding and J2 value).
     */
    @Test
    void atTheSunSynchronousInclinationTheNodeFollowsTheMeanSun() {
        for (double[] c : new double[][] {{700, 98.19}, {500, 97.40}}) {
            double a = EARTH.equatorialRadius() + c[0] * 1000;
            double i = OrbitGeometry.sunSynchronousInclination(EARTH, a, 0);
            assertEquals(c[1], Math.toDegrees(i), 0.02, c[0] + " km");
            assertEquals(OrbitGeometry.SUN_MEAN_MOTION, J2.nodalRate(a, i), 1e-12 * OrbitGeometry.SUN_MEAN_MOTION);
        }
    }

    /**
     * A 400 km, 51.6° orbit (the space station's) regresses about 5° a day (-4.99°/day by hand from the closed form,
     * the figure usually quoted for the station); and Orekit's numerical propagation with its J2-only force
     * model over 10 days moves the osculating node by the closed form's rate within 0.5 % (the short-period terms of
     * the osculating node, a few thousandths of a degree, are well inside that over 50 degrees).
     */
    @Test
    void theNodeRegressesAsOrekitsJ2PropagationMovesIt() {
        double a = EARTH.equatorialRadius() + 400_000;
        double i = Math.toRadians(51.6);
        double perDay = Math.toDegrees(J2.nodalRate(a, i)) * DAY;
        assertEquals(-5.0, perDay, 0.1);
        double moved = propagatedNodeChange(a, i, 10 * DAY);
        assertEquals(perDay * 10, Math.toDegrees(moved), 0.005 * Math.abs(perDay * 10));
    }

    /**
     * Differential drift, the reason parking orbits work: at 53° a satellite 200 km below 550 km regresses 0.485° a
     * day faster than the plane above it (4.974 against 4.489°/day by hand from the closed form: the rate goes as
     * a^-3.5, and (6928/6728)^3.5 = 1.108); at the sun-synchronous inclination (97.6°) the same 200 km give about
     * 0.107° a day, the other way (the cosine of the inclination: 0.602 against -0.132).
     */
    @Test
    void differentialDriftIsFastAtMidInclinationsAndSlowNearSunSynchronous() {
        double high = EARTH.equatorialRadius() + 550_000;
        double low = EARTH.equatorialRadius() + 350_000;
        double mid = Math.toRadians(53);
        double sso = OrbitGeometry.sunSynchronousInclination(EARTH, high, 0);
        double midRate = Math.toDegrees(J2.nodalRate(low, mid) - J2.nodalRate(high, mid)) * DAY;
        double ssoRate = Math.toDegrees(J2.nodalRate(low, sso) - J2.nodalRate(high, sso)) * DAY;
        assertEquals(-0.485, midRate, 0.002);
        assertEquals(0.107, ssoRate, 0.002);
        assertEquals(Math.cos(mid) / Math.cos(sso), midRate / ssoRate, 1e-9);
    }

    /** The node angle Orekit's J2-only numerical propagation moves a circular orbit by in a duration, rad. */
    static double propagatedNodeChange(double a, double i, double duration) {
        OrekitData data = OrekitData.bundled();
        Frame frame = data.context().getFrames().getEME2000();
        AbsoluteDate start = new AbsoluteDate(2027, 1, 1, 0, 0, 0.0, data.context().getTimeScales().getUTC());
        // started at 45° of argument of latitude, where the osculating semi-major axis's J2 short-period term
        // (3/2 J2 Re²/a sin² i cos 2u, Kozai 1959) vanishes, so the given a is the mean one the closed form needs
        CircularOrbit orbit = new CircularOrbit(a, 0, 0, i, 0, Math.PI / 4, PositionAngleType.MEAN, frame, start, EARTH.mu());
        NumericalPropagator p = new NumericalPropagator(new DormandPrince853Integrator(1e-3, 300, 1e-9, 1e-9));
        p.setOrbitType(OrbitType.CARTESIAN);
        p.setMu(EARTH.mu());
        p.addForceModel(new J2OnlyPerturbation(EARTH.mu(), EARTH.equatorialRadius(), EARTH.j2(), frame));
        p.setInitialState(new SpacecraftState(orbit));
        // the mean of the osculating node over one orbit at the end, to average out its short-period terms
        double period = 2 * Math.PI / J2.meanMotion(a);
        double sum = 0;
        double previous = 0;
        double unwrapped = 0;
        int samples = 36;
        for (int k = 0; k < samples; k++) {
            SpacecraftState s = p.propagate(start.shiftedBy(duration - period / 2 + period * k / samples));
            double node = ((CircularOrbit) OrbitType.CIRCULAR.convertType(s.getOrbit())).getRightAscensionOfAscendingNode();
            if (k == 0) {
                unwrapped = node;
            } else {
                unwrapped += Math.IEEEremainder(node - previous, 2 * Math.PI);
            }
            previous = node;
            sum += unwrapped;
        }
        double mean = sum / samples;
        // whole turns: the rate is known to far better than half a turn over the durations tested
        double expected = J2.nodalRate(a, i) * duration;
        return mean + 2 * Math.PI * Math.rint((expected - mean) / (2 * Math.PI));
    }
}

package org.launchbench.trajectory.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.orekit.data.DataContext;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.propagation.SpacecraftState;
import org.orekit.time.AbsoluteDate;

/**
 * The orbital phase: Orekit's propagation against the ascent's own equations (frames and J2 must agree), and
 * drag decay against the classical per-revolution formula.
 */
class OrbitalPhaseTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final DataContext CONTEXT = OrekitData.bundled().context();
    private static final AbsoluteDate LIFTOFF = new AbsoluteDate(2025, 6, 1, 12, 0, 0.0, CONTEXT.getTimeScales().getUTC());

    /** A circular-speed state at the given altitude and inclination, t = 500 s after liftoff, 4 t. */
    private static double[] circular(double km, double incDeg) {
        double r = EARTH.equatorialRadius() + km * 1000;
        double v = Math.sqrt(EARTH.mu() / r);
        double i = Math.toRadians(incDeg);
        return new double[] {r, 0, 0, 0, v * Math.cos(i), v * Math.sin(i), 4000};
    }

    @Test
    void withoutDragOrekitFliesTheSameOrbitAsTheAscentEquations() {
        double[] y0 = circular(400, 51.6);
        OrbitalPhase phase = new OrbitalPhase(EARTH, UsStandardAtmosphere1976.INSTANCE, CONTEXT, LIFTOFF);
        SpacecraftState end = phase.propagate(500, y0, 0, 3000);
        double[] orekit = phase.ascentState(end);
        PointMassDynamics coast = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, Aerodynamics.NONE,
            Steering.COAST, Winds.CALM);
        double[] ours = new DormandPrince853Integrator(1e-6, 60, 1e-6, 1e-12).integrate(coast, new ODEState(500, y0), 3500)
            .getPrimaryState();
        assertEquals(3500, phase.sinceLiftoff(end.getDate()), 1e-6);
        // same J2 field and constants, the frames tied by ITRF's orientation at liftoff: half an orbit (20 000 km of
        // arc) agrees to 1 m, the propagators' own tolerances (1e-10 relative, 1e-3 m absolute) and the pole's
        // drift over an hour in the true-of-date frame (well below 1e-7 rad) included
        assertEquals(0, new Vector3D(orekit[0], orekit[1], orekit[2]).distance(new Vector3D(ours[0], ours[1], ours[2])), 1.0);
        assertEquals(4000, orekit[6], 0, "no mass lost on the coast");
    }

    @Test
    void theOrbitKeepsTheStatesRadiusSpeedAndInclination() {
        double[] y0 = circular(300, 97.4);
        KeplerianOrbit o = new OrbitalPhase(EARTH, UsStandardAtmosphere1976.INSTANCE, CONTEXT, LIFTOFF).orbit(500, y0);
        assertEquals(EARTH.equatorialRadius() + 300_000, o.getA(), 1e-3, "circular speed: a = r");
        assertEquals(0, o.getE(), 1e-12);
        // the ascent frame's z is the true-of-date pole (ITRF's pole, polar motion zero without EOP data): the
        // inclination is the same in both frames
        assertEquals(97.4, Math.toDegrees(o.getI()), 1e-6);
        assertEquals(LIFTOFF.shiftedBy(500), o.getDate());
    }

    /**
     * Drag decay over one revolution against Gauss's variational equation for the semi-major axis,
     * da/dt = (2 a² / μ) v·f with the drag acceleration f = -½ ρ |v_rel| v_rel C_D A / m (Vallado section 9.6.2;
     * v_rel relative to the co-rotating air), integrated along the drag-free trajectory (first order in the
     * drag). Tolerance 2 %: the first-order neglect of how the decay itself moves the orbit into denser air
     * (about 0.4 km over the revolution, 1 % of the density scale height) and the 360-point quadrature.
     */
    @Test
    void dragLowersALowOrbitAsGausssEquationPredicts() {
        double km = 200;
        double area = 10;
        double[] y0 = circular(km, 28.6);
        OrbitalPhase phase = new OrbitalPhase(EARTH, UsStandardAtmosphere1976.INSTANCE, CONTEXT, LIFTOFF);
        double a0 = EARTH.equatorialRadius() + km * 1000;
        double period = 2 * Math.PI * Math.sqrt(a0 * a0 * a0 / EARTH.mu());
        double withDrag = new KeplerianOrbit(phase.propagate(500, y0, area, period).getOrbit()).getA();
        double without = new KeplerianOrbit(phase.propagate(500, y0, 0, period).getOrbit()).getA();

        int n = 360;
        double dt = period / n;
        double sum = 0;
        double k = OrbitalPhase.FREE_MOLECULAR_DRAG_COEFFICIENT * area / y0[6];
        for (int j = 0; j < n; j++) {
            double t = (j + 0.5) * dt;
            double[] y = j == 0 && t == 0 ? y0 : phase.ascentState(phase.propagate(500, y0, 0, t));
            Vector3D r = new Vector3D(y[0], y[1], y[2]);
            Vector3D v = new Vector3D(y[3], y[4], y[5]);
            // the ascent frame is Earth-fixed at liftoff: the air turns with the Earth about z
            Vector3D vRel = v.subtract(Vector3D.crossProduct(EARTH.rotation(), r));
            double h = EARTH.geodetic(EARTH.toFixed(500 + t, r)).height();
            double rho = UsStandardAtmosphere1976.INSTANCE.at(h).density();
            double a = 1 / (2 / r.getNorm() - v.getNormSq() / EARTH.mu());
            Vector3D f = vRel.scalarMultiply(-0.5 * rho * vRel.getNorm() * k);
            sum += 2 * a * a / EARTH.mu() * Vector3D.dotProduct(v, f) * dt;
        }
        assertEquals(sum, withDrag - without, Math.abs(sum) * 0.02);
    }
}

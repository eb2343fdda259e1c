package org.launchbench.trajectory.orbit;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.orekit.data.DataContext;
import org.orekit.forces.drag.DragForce;
import org.orekit.forces.drag.IsotropicDrag;
import org.orekit.forces.gravity.J2OnlyPerturbation;
import org.orekit.frames.Frame;
import org.orekit.frames.StaticTransform;
import org.orekit.frames.Transform;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;

/**
 * The orbital phase after engine cut-off, propagated by Orekit's {@link NumericalPropagator}: Earth's J2 and
 * drag in LaunchBench's atmosphere (a {@link DragForce} with an isotropic drag coefficient on the stack's
 * cross-section), so that a low insertion shows its decay. Also the bridge between the ascent's frame and Orekit's:
 * the ascent flies in the Earth-fixed frame (ITRF) frozen at liftoff, here an Orekit frame pinned to the true-of-date
 * frame (true equator and equinox of the launch date, the frame launch targets are given in) by ITRF's orientation
 * at liftoff.
 */
public final class OrbitalPhase {

    /** Drag coefficient of a tumbling stack in free-molecular flow (the usual 2.2 for satellites). */
    public static final double FREE_MOLECULAR_DRAG_COEFFICIENT = 2.2;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final AbsoluteDate liftoff;
    private final Frame itrf;
    private final Frame trueOfDate;
    private final Frame launchFrame;

    /**
     * @param earth      the Earth the ascent flew over
     * @param atmosphere the atmosphere for drag
     * @param context    Orekit's data (time scales and frames)
     * @param liftoff    liftoff date, t = 0 of the ascent
     */
    public OrbitalPhase(EarthModel earth, Atmosphere atmosphere, DataContext context, AbsoluteDate liftoff) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.liftoff = liftoff;
        this.itrf = context.getFrames().getITRF(IERSConventions.IERS_2010, true);
        this.trueOfDate = context.getFrames().getTOD(IERSConventions.IERS_2010, true);
        StaticTransform todToItrf = trueOfDate.getStaticTransformTo(itrf, liftoff);
        this.launchFrame = new Frame(trueOfDate, new Transform(liftoff, todToItrf.getRotation()), "LaunchBench ascent frame", true);
    }

    /** @return the ascent's inertial frame as an Orekit frame */
    public Frame launchFrame() {
        return launchFrame;
    }

    /** @return the true-of-date frame of the launch date */
    public Frame trueOfDate() {
        return trueOfDate;
    }

    /**
     * @param t time since liftoff, s
     * @param y ascent state {x, y, z, vx, vy, vz, m} in the ascent frame
     * @return the osculating orbit in the true-of-date frame
     */
    public KeplerianOrbit orbit(double t, double[] y) {
        CartesianOrbit o = new CartesianOrbit(new PVCoordinates(new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])),
            launchFrame, liftoff.shiftedBy(t), earth.mu());
        return (KeplerianOrbit) OrbitType.KEPLERIAN.convertType(new CartesianOrbit(o.getPVCoordinates(trueOfDate), trueOfDate,
            o.getDate(), earth.mu()));
    }

    /**
     * Propagates from cut-off.
     *
     * @param t        cut-off time since liftoff, s
     * @param y        state at cut-off (ascent frame)
     * @param area     cross-section for drag, m²
     * @param duration how long, s
     * @return the state at the end, in the true-of-date frame
     */
    public SpacecraftState propagate(double t, double[] y, double area, double duration) {
        KeplerianOrbit start = orbit(t, y);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-3, 300, 1e-6, 1e-10);
        NumericalPropagator propagator = new NumericalPropagator(integrator);
        propagator.setOrbitType(OrbitType.CARTESIAN);
        propagator.setInitialState(new SpacecraftState(start).withMass(y[6]));
        propagator.addForceModel(new J2OnlyPerturbation(earth.mu(), earth.equatorialRadius(), earth.j2(), itrf));
        if (area > 0) {
            propagator.addForceModel(new DragForce(new Air(), new IsotropicDrag(area, FREE_MOLECULAR_DRAG_COEFFICIENT)));
        }
        return propagator.propagate(start.getDate().shiftedBy(duration));
    }

    /**
     * @param state an Orekit state
     * @return it as an ascent state {x, y, z, vx, vy, vz, m} in the ascent frame, at its time since liftoff
     */
    public double[] ascentState(SpacecraftState state) {
        PVCoordinates pv = state.getPVCoordinates(launchFrame);
        Vector3D r = pv.getPosition();
        Vector3D v = pv.getVelocity();
        return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), state.getMass()};
    }

    /** @param date a date; @return seconds since liftoff */
    public double sinceLiftoff(AbsoluteDate date) {
        return date.durationFrom(liftoff);
    }

    /**
     * LaunchBench's atmosphere for Orekit's drag force: density at the geodetic altitude over the WGS-84
     * ellipsoid, air at rest relative to the Earth.
     */
    private final class Air implements org.orekit.models.earth.atmosphere.Atmosphere {
        private static final long serialVersionUID = 1L;

        @Override
        public Frame getFrame() {
            return itrf;
        }

        @Override
        public double getDensity(AbsoluteDate date, Vector3D position, Frame frame) {
            Vector3D fixed = frame.getStaticTransformTo(itrf, date).transformPosition(position);
            double h = earth.geodetic(fixed).height();
            if (h > atmosphere.maxAltitude()) {
                return 0;
            }
            return atmosphere.at(Math.max(h, atmosphere.minAltitude())).density();
        }

        /** The density's value only (no derivatives): the propagation here is not a field one. */
        @Override
        public <T extends CalculusFieldElement<T>> T getDensity(FieldAbsoluteDate<T> date, FieldVector3D<T> position, Frame frame) {
            return position.getX().newInstance(getDensity(date.toAbsoluteDate(), position.toVector3D(), frame));
        }
    }
}

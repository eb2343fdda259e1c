package org.launchbench.recovery.loop;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.Loads;
import org.launchbench.flight.MassProperties;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.MachCurve;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.control.ControlEffectiveness;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * What the falling body's incidence gives once the grid fins trim it, against Mach, from the stage's own force models
 * (the flight software's aerodynamic database), for a mass (the fall burns none):
 * <ul>
 * <li>the largest incidence the fins hold with {@link #FIN_SHARE} of their deflection, the rest left to the attitude
 * loop: the body's aerodynamic moment about the centre of mass with the fins centred, against the moment with each fin
 * deflected that far the way that opposes it (the fins' force is not linear: a fin's effective incidence is the body's
 * plus its deflection, and it stalls), found by bisection;</li>
 * <li>the trimmed lift's share of the body's: a tail that trims pushes against the lift (the fins' force at the
 * deflection that balances the moment, across the air), so the body's lift alone overstates what the stage turns
 * by.</li>
 * </ul>
 * Both scale with the dynamic pressure, so they are tabulated against Mach at one height, in the plane of the body's
 * first pair of fins and halfway between two (the smaller kept). Why: a fall steered on the body's lift alone counts
 * on a turn the fins, near their limit and pushing back, do not give, and comes down short of its prediction
 * (docs/gnc.md). Immutable.
 */
final class TrimmedLift {

    /** The share of the fins' deflection the trim may use; the rest is the attitude loop's, for what disturbs it. */
    static final double FIN_SHARE = 0.8;
    /** Halvings of the incidence's interval (to 1/1000 of the largest). */
    static final int BISECTIONS = 10;
    /** The Mach numbers tabulated. */
    static final double[] MACH = {0.3, 0.6, 0.9, 1.1, 1.3, 1.6, 2, 2.5, 3, 4, 5, 6};
    /** The height the table is made at, m: the moments' ratio does not depend on it. */
    static final double HEIGHT_M = 10_000;

    private final MachCurve largestRad;
    private final MachCurve liftShare;

    private TrimmedLift(MachCurve largestRad, MachCurve liftShare) {
        this.largestRad = largestRad;
        this.liftShare = liftShare;
    }

    /** @return the largest incidence the fins hold at a Mach number, rad */
    double largestRad(double mach) {
        return largestRad.at(mach);
    }

    /** @return the trimmed lift over the body's alone at a Mach number (at the largest incidence) */
    double liftShare(double mach) {
        return liftShare.at(mach);
    }

    /**
     * @param model      the stage as the flight software models it
     * @param earth      the Earth
     * @param atmosphere the air's model
     * @param zone       where the table is made (above it)
     * @param massKg     the mass, kg
     * @param mostRad    the largest incidence asked about, rad
     * @return the table (the largest everywhere, a share of 1, for a stage without fins)
     */
    static TrimmedLift of(StageFlightModel model, EarthModel earth, Atmosphere atmosphere, EarthModel.Geodetic zone, double massKg,
                          double mostRad) {
        double[] largest = new double[MACH.length];
        double[] share = new double[MACH.length];
        double limit = model.finCount() > 0 ? Math.toRadians(model.stage().getRecovery().getGridFins().getDeflectionLimit()) : 0;
        if (model.finCount() == 0 || !(limit > 0)) {
            java.util.Arrays.fill(largest, mostRad);
            java.util.Arrays.fill(share, 1);
            return new TrimmedLift(new MachCurve(MACH, largest), new MachCurve(MACH, share));
        }
        Case c = new Case(model, earth, atmosphere, zone, massKg, limit * FIN_SHARE);
        for (int i = 0; i < MACH.length; i++) {
            double[] best = null;
            for (double roll : new double[] {0, Math.PI / model.finCount()}) {
                double[] r = c.trim(MACH[i], roll, mostRad);
                // the smaller incidence, and at the same incidence the smaller share: what both roll planes give
                if (best == null || r[0] < best[0] || r[0] == best[0] && r[1] < best[1]) {
                    best = r;
                }
            }
            largest[i] = best[0];
            share[i] = best[1];
        }
        return new TrimmedLift(new MachCurve(MACH, largest), new MachCurve(MACH, share));
    }

    /** One table's making: the synthetic states and the moment balance. */
    private record Case(StageFlightModel model, EarthModel earth, Atmosphere atmosphere, EarthModel.Geodetic zone, double massKg,
                        double deflectionRad) {

        /** @return {largest incidence held, trimmed lift share there} at a Mach number, the body rolled by an angle */
        double[] trim(double mach, double roll, double mostRad) {
            double[] held = holds(mach, roll, mostRad);
            if (held != null) {
                return new double[] {mostRad, share(mach, roll, mostRad, held)};
            }
            double lo = 0;
            double hi = mostRad;
            for (int i = 0; i < BISECTIONS; i++) {
                double mid = 0.5 * (lo + hi);
                double[] d = holds(mach, roll, mid);
                if (d != null) {
                    lo = mid;
                    held = d;
                } else {
                    hi = mid;
                }
            }
            return new double[] {lo, held != null ? share(mach, roll, lo, held) : 1};
        }

        /**
         * @param deflections the fins' deflections that hold the incidence ({@link #holds})
         * @return the trimmed lift over the body's at an incidence (1 where the fins are not needed)
         */
        private double share(double mach, double roll, double alpha, double[] deflections) {
            Vector3D centredNm = loads(conditions(mach, roll, alpha, new double[model.finCount()]), false).momentBody();
            Parts centred = parts(mach, roll, alpha, new double[model.finCount()], centredNm);
            Parts full = parts(mach, roll, alpha, deflections, centredNm);
            // the deflection that balances the moment, between centred and the share's, linear in the moment
            double m0 = centred.moment();
            double m1 = full.moment();
            double f = m0 == m1 ? 0 : Math.max(0, Math.min(1, m0 / (m0 - m1)));
            double body = centred.bodyLift();
            if (!(body > 0)) {
                return 1;
            }
            double lift = centred.lift() + f * (full.lift() - centred.lift());
            return Math.max(0, Math.min(1, lift / body));
        }

        /**
         * @return the fins' deflections at the share, each the way that opposes the moment, when they balance it at this
         *         incidence (null: they do not)
         */
        private double[] holds(double mach, double roll, double alpha) {
            FlightConditions c = conditions(mach, roll, alpha, new double[model.finCount()]);
            int n = model.engines().size();
            ControlEffectiveness b = ControlEffectiveness.of(model.models(), c, new double[n], new int[0], model.finCount());
            Vector3D m = b.centredNm();
            double size = Math.hypot(m.getY(), m.getZ());
            double[] d = new double[model.finCount()];
            if (size == 0) {
                return d;
            }
            for (int f = 0; f < d.length; f++) {
                double along = b.perRadNm()[1][f] * m.getY() + b.perRadNm()[2][f] * m.getZ();
                d[f] = along == 0 ? 0 : -Math.signum(along) * deflectionRad;
            }
            // the centred moment is the effectiveness's own (gravitation, among its models, gives none)
            return parts(mach, roll, alpha, d, m).moment() <= 0 ? d : null;
        }

        /**
         * @param moment   the pitch-yaw moment along the centred one's direction, N m (≤ 0: the fins overpower the body)
         * @param lift     the whole aerodynamic force across the air, toward the lean, over the mass, m/s²
         * @param bodyLift the body's alone, m/s²
         */
        private record Parts(double moment, double lift, double bodyLift) {
        }

        /** @param m0 the moment with the fins centred, body axes, N m (the direction the moment is measured along) */
        private Parts parts(double mach, double roll, double alpha, double[] fins, Vector3D m0) {
            FlightConditions c = conditions(mach, roll, alpha, fins);
            Loads all = loads(c, false);
            Loads body = loads(c, true);
            double size = Math.hypot(m0.getY(), m0.getZ());
            double moment = size == 0 ? 0 : (all.momentBody().getY() * m0.getY() + all.momentBody().getZ() * m0.getZ()) / size;
            Vector3D lean = lean(c);
            return new Parts(moment, force(c, all).dotProduct(lean) / massKg, force(c, body).dotProduct(lean) / massKg);
        }

        private static Vector3D force(FlightConditions c, Loads l) {
            return c.state().attitude().toInertial(l.forceBody()).add(l.forceInertial());
        }

        /** The direction across the air the body leans to (its nose's side), inertial. */
        private static Vector3D lean(FlightConditions c) {
            Vector3D u = c.state().attitude().toInertial(c.airVelocityBodyMS()).normalize();
            Vector3D x = c.state().attitude().toInertial(Vector3D.PLUS_I);
            Vector3D p = x.subtract(u.scalarMultiply(Vector3D.dotProduct(x, u)));
            // the lift is the other way: the air pushes the engines-first body toward the side its engines lean to
            return p.getNorm() > 0 ? p.normalize().negate() : Vector3D.ZERO;
        }

        private Loads loads(FlightConditions c, boolean bodyOnly) {
            if (!bodyOnly) {
                return LandingBurnLoop.nonGravitational(model.models(), c);
            }
            Loads l = new Loads();
            model.aerodynamics().contribute(c, l);
            return l;
        }

        /** Falling straight down at a Mach number in still air, the nose turned by the incidence toward east, rolled. */
        private FlightConditions conditions(double mach, double roll, double alpha, double[] fins) {
            EarthModel.Geodetic at = new EarthModel.Geodetic(zone.latitude(), zone.longitude(), zone.height() + HEIGHT_M);
            Vector3D r = earth.toInertial(0, earth.ecef(at));
            Vector3D up = earth.toInertial(0, at.up());
            Vector3D east = earth.toInertial(0, at.east());
            double speed = mach * atmosphere.at(at.height()).speedOfSound();
            Vector3D v = up.scalarMultiply(-speed).add(Vector3D.crossProduct(earth.rotation(), r));
            Vector3D x = up.scalarMultiply(Math.cos(alpha)).add(east.scalarMultiply(Math.sin(alpha)));
            Vector3D y0perp = Vector3D.crossProduct(up, east).normalize();
            Vector3D z0 = Vector3D.crossProduct(x, y0perp);
            Vector3D y = y0perp.scalarMultiply(Math.cos(roll)).add(z0.scalarMultiply(Math.sin(roll)));
            Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
            MassProperties mp = model.massModel().at(massKg);
            int n = model.engines().size();
            EffectorPositions eff = new EffectorPositions(new double[n], new double[n], new double[n], fins, new double[model.rcsCount()]);
            RigidBodyState s = new RigidBodyState(0, r, v, q, Vector3D.ZERO, massKg);
            return new FlightConditions(s, new FlightEnvironment(earth, atmosphere, Winds.CALM), mp, eff, Vector3D.ZERO);
        }
    }
}

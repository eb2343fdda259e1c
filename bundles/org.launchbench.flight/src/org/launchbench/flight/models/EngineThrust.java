package org.launchbench.flight.models;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.PlainVectorAlgebra;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * The thrust of each engine at its mount, turned by its gimbal, with the mass it burns and the jet-damping moment
 * of its exhaust. Engine i reads its thrust fraction and gimbal angles from {@link EffectorPositions} index i.
 * <ul>
 * <li>Thrust F = f F_vac − p A_e along the nozzle axis when the fraction f is above 0 (the ambient pressure p acting
 * on the exit area A_e: Sutton and Biblarz, Rocket Propulsion Elements, 9th ed., eq. 2-14), never negative; the
 * flow ṁ = f F_vac / (g0 Isp_vac) (eq. 2-5 in vacuum, where the vacuum Isp holds at any pressure).</li>
 * <li>The nozzle axis is the engine's nominal direction (its cant) turned by the gimbal: pitch δp about body y
 * then yaw δy about body z, so that for an engine aft of the centre of mass positive angles give positive pitching
 * and yawing moments: d = R_z(−δy) R_y(−δp) d0.</li>
 * <li>Jet damping: the exhaust leaving with the body's rotational velocity at the exit takes angular momentum
 * with it, a moment −ṁ r_e × (ω × r_e) with r_e the arm to the nozzle exit (Ellis and McArthur, "Applicability of
 * Euler's dynamical equations to rocket motion", ARS Journal 29(11), 1959; Zipfel, Modeling and Simulation of
 * Aerospace Vehicle Dynamics, 2nd ed., §9.2.4). The exit is taken at the gimbal pivot: the nozzle's length
 * changes the arm by a few per cent.</li>
 * </ul>
 *
 * @param engines the engines, index by index as in the effectors
 */
public record EngineThrust(List<Engine> engines) implements ForceModel {

    /**
     * One engine.
     *
     * @param mountM            its gimbal pivot in the body's structural frame, m
     * @param directionBody     the nominal thrust direction at zero gimbal, unit, body axes (+x for an engine
     *                          pushing the nose forward; canted engines lean outward)
     * @param thrustVacuumN     vacuum thrust at full throttle, N
     * @param ispVacuumS        vacuum specific impulse, s
     * @param nozzleExitAreaM2  nozzle exit area, m²
     */
    public record Engine(Vector3D mountM, Vector3D directionBody, double thrustVacuumN, double ispVacuumS, double nozzleExitAreaM2) {

        /** Checks the figures. */
        public Engine {
            if (!(thrustVacuumN > 0 && ispVacuumS > 0 && nozzleExitAreaM2 >= 0)) {
                throw new IllegalArgumentException("an engine has positive thrust and Isp and a non-negative exit area");
            }
            directionBody = directionBody.normalize();
        }
    }

    /** Copies the list. */
    public EngineThrust {
        engines = List.copyOf(engines);
    }

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        EffectorPositions e = c.effectors();
        Vector3D omega = c.state().bodyRatesInertialRadS();
        for (int i = 0; i < engines.size() && i < e.engineCount(); i++) {
            double f = e.thrustFraction(i);
            if (f <= 0) {
                continue;
            }
            Engine engine = engines.get(i);
            double thrust = Math.max(0, f * engine.thrustVacuumN() - c.pressurePa() * engine.nozzleExitAreaM2());
            double flow = f * engine.thrustVacuumN() / (PhysicalConstants.STANDARD_GRAVITY * engine.ispVacuumS());
            Vector3D d = gimballed(engine.directionBody(), e.gimbalPitchRad(i), e.gimbalYawRad(i));
            Vector3D force = d.scalarMultiply(thrust);
            Vector3D arm = c.armM(engine.mountM());
            loads.addForceBody(force);
            loads.addMomentBody(PlainVectorAlgebra.cross(arm, force));
            loads.addMomentBody(PlainVectorAlgebra.cross(arm, PlainVectorAlgebra.cross(omega, arm)).scalarMultiply(-flow));
            loads.addMassRate(-flow);
        }
    }

    /**
     * @param d0    the nominal direction, unit
     * @param pitch δp, rad
     * @param yaw   δy, rad
     * @return R_z(−δy) R_y(−δp) d0
     */
    static Vector3D gimballed(Vector3D d0, double pitch, double yaw) {
        if (pitch == 0 && yaw == 0) {
            return d0;
        }
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        double x1 = d0.getX() * cp - d0.getZ() * sp;
        double z1 = d0.getX() * sp + d0.getZ() * cp;
        double y1 = d0.getY();
        // R_y(-δp) = [[cp, 0, -sp], [0, 1, 0], [sp, 0, cp]], then R_z(-δy) = [[cy, sy, 0], [-sy, cy, 0], [0, 0, 1]]
        return new Vector3D(x1 * cy + y1 * sy, -x1 * sy + y1 * cy, z1);
    }
}

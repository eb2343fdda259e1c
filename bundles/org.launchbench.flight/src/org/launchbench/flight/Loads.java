package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The sum of what the {@link ForceModel}s contribute at one evaluation of the equations of motion: force (in
 * body axes or inertial, whichever a model computes in), moment about the centre of mass in body axes, and the
 * mass flow. One instance per evaluation; not thread-safe.
 */
public final class Loads {

    private double fbx;
    private double fby;
    private double fbz;
    private double fix;
    private double fiy;
    private double fiz;
    private double mx;
    private double my;
    private double mz;
    private double massRate;

    /** @param forceBodyN a force in body axes, N */
    public void addForceBody(Vector3D forceBodyN) {
        fbx += forceBodyN.getX();
        fby += forceBodyN.getY();
        fbz += forceBodyN.getZ();
    }

    /** @param forceEciN a force in the inertial frame, N */
    public void addForceInertial(Vector3D forceEciN) {
        fix += forceEciN.getX();
        fiy += forceEciN.getY();
        fiz += forceEciN.getZ();
    }

    /** @param momentBodyNm a moment about the centre of mass in body axes, N m */
    public void addMomentBody(Vector3D momentBodyNm) {
        mx += momentBodyNm.getX();
        my += momentBodyNm.getY();
        mz += momentBodyNm.getZ();
    }

    /** @param kgPerS a rate of change of mass, kg/s (negative for propellant flowing out) */
    public void addMassRate(double kgPerS) {
        massRate += kgPerS;
    }

    /** @return the body-axis forces summed, N */
    public Vector3D forceBody() {
        return new Vector3D(fbx, fby, fbz);
    }

    /** @return the inertial forces summed, N */
    public Vector3D forceInertial() {
        return new Vector3D(fix, fiy, fiz);
    }

    /** @return the moments summed, body axes, N m */
    public Vector3D momentBody() {
        return new Vector3D(mx, my, mz);
    }

    /** @return the mass flow summed, kg/s */
    public double massRate() {
        return massRate;
    }
}

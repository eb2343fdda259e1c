package org.launchbench.recovery.descent;

/**
 * A stage in vacuum for the braking's tests: no drag, no propellant flow (so a braking's deceleration is constant and
 * its stops closed forms), braking from {@code floorPerKg} m/s² at 1 t to {@code fullN}, gravity 9.8 m/s².
 *
 * @param floorPerKg the lowest braking thrust per kilogram, N/kg
 * @param fullN      full thrust, N
 */
record VacuumStage(double floorPerKg, double fullN) implements RetrogradeBraking.Stage {

    /** Gravity, m/s². */
    static final double G = 9.8;

    @Override
    public double[] drag(double height, double[] velocity, double mass) {
        return new double[3];
    }

    @Override
    public double brakingThrust(double mass) {
        return floorPerKg * mass;
    }

    @Override
    public double brakingFlow(double mass) {
        return 0;
    }

    @Override
    public double fullThrust() {
        return fullN;
    }

    @Override
    public double emptyMass() {
        return 500;
    }

    @Override
    public double gravity() {
        return G;
    }
}

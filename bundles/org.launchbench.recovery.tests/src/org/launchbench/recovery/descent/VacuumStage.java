package org.launchbench.recovery.descent;

/**
 * A stage in vacuum for the braking's and the fins' tests: no drag, no propellant flow (so a braking's deceleration is
 * constant and its stops closed forms), braking from {@code floorPerKg} m/s² at 1 t to {@code fullN}, fins of a
 * constant acceleration, gravity 9.8 m/s². Its ignition rule, when it {@code lights}, is the exact vertical stop at the
 * floor's deceleration.
 *
 * @param floorPerKg the lowest braking thrust per kilogram, N/kg
 * @param fullN      full thrust, N
 * @param fins       the fins' lateral acceleration at full deflection, m/s²
 * @param lights     whether the ignition rule ever lights the engines
 */
record VacuumStage(double floorPerKg, double fullN, double fins, boolean lights) implements ApproachSteering.Stage {

    /** Gravity, m/s². */
    static final double G = 9.8;

    /** A braking stage without fins that the rule never lights. */
    VacuumStage(double floorPerKg, double fullN) {
        this(floorPerKg, fullN, 0, false);
    }

    @Override
    public double[] drag(double height, double[] velocity, double mass) {
        return new double[3];
    }

    @Override
    public double finCapability(double height, double speed, double mass) {
        return fins;
    }

    @Override
    public double ignitionExcess(double height, double[] velocity, double mass) {
        if (!lights) {
            return -1;
        }
        double v = -velocity[0];
        return v > 0 ? v * v / (2 * (floorPerKg - G)) - height : -height;
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

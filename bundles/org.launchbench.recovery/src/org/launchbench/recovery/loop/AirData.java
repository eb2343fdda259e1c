package org.launchbench.recovery.loop;

/**
 * The air the flight software's predictions fly in: a horizontal wind, taken as the same at every height below the
 * stage, and the body's axial aerodynamic force over its model's.
 */
interface AirData {

    /** Still air and the model's drag: what the flight software assumes before it has measured anything. */
    AirData STILL = new AirData() {
        @Override
        public double eastMS() {
            return 0;
        }

        @Override
        public double northMS() {
            return 0;
        }

        @Override
        public double axialFactor() {
            return 1;
        }
    };

    /** @return the wind's east component (the air's velocity over the ground), m/s */
    double eastMS();

    /** @return its north component, m/s */
    double northMS();

    /** @return the axial aerodynamic force over the model's */
    double axialFactor();

    /**
     * @return the force across the velocity the braking's model misses (the gimbals' and fins' trimming forces, the
     *         body's normal force beyond its model), per pascal of dynamic pressure, m/s²/Pa, [up, east, north]
     */
    default double[] sidePerPascal() {
        return new double[3];
    }

    /**
     * @param airspeedMS the speed through the air, m/s
     * @return the trimmed stage's side force in a crosswind over the body's normal force alone, at that airspeed (the
     *         gimbals and fins that hold the body at its incidence add to it or take from it)
     */
    default double crossflowScale(double airspeedMS) {
        return 1;
    }

    /**
     * @param velocity [v_up, v_east, v_north] over the ground, m/s
     * @return the velocity relative to the air, [up, east, north], m/s
     */
    default double[] airVelocity(double[] velocity) {
        return new double[] {velocity[0], velocity[1] - eastMS(), velocity[2] - northMS()};
    }
}

package org.launchbench.recovery.descent;

/**
 * One powered-descent problem: bring a vehicle from a state to rest at the target (the origin) with bounded
 * thrust. Vectors are [up, east, north] in a flat, non-rotating frame at the target (the landing burn's few km and
 * tens of seconds).
 *
 * @param gravity       gravitational acceleration, m/s² (e.g. [-9.80665, 0, 0])
 * @param dryMass       mass with no propellant left, kg
 * @param wetMass       mass at ignition, kg
 * @param isp           specific impulse relating mass flow to thrust through 9.80665 m/s², s
 * @param thrustMin     smallest magnitude of the net thrust vector while burning, N
 * @param thrustMax     largest, N
 * @param position      initial position relative to the target, m
 * @param velocity      initial velocity, m/s
 * @param glideSlopeDeg smallest elevation above the target's horizon (NaN: none), degrees
 * @param maxTiltDeg    largest angle between thrust and the vertical (NaN: none), degrees
 * @param maxSpeed      largest speed (NaN: none), m/s
 * @param timeOfFlight  fixed time of flight (NaN: optimised), s
 * @param nodes         discretisation intervals
 * @param objective     what to minimise
 * @param disturbance   a known acceleration besides gravity along the descent (the drag a closed loop predicts), by time
 *                      from the start; null: none
 * @param pointing      an axis the thrust must stay near at each node, by time from the start (a body flying engines first
 *                      through thick air can point its thrust only near its retrograde); null: none
 * @param maxPointingDeg largest angle between the thrust and that axis (NaN: none), degrees
 */
public record DescentProblem(double[] gravity, double dryMass, double wetMass, double isp, double thrustMin, double thrustMax,
                             double[] position, double[] velocity, double glideSlopeDeg, double maxTiltDeg, double maxSpeed,
                             double timeOfFlight, int nodes, Objective objective, Disturbance disturbance, Pointing pointing,
                             double maxPointingDeg) {

    /** An axis for the thrust to keep near, as a function of the time since the descent's start. */
    @FunctionalInterface
    public interface Pointing {
        /**
         * @param t time since the descent's start, s
         * @return a unit axis [up, east, north], or null where the thrust may point anywhere
         */
        double[] axisAt(double t);
    }

    /** A problem with a disturbance and no pointing limit. */
    public DescentProblem(double[] gravity, double dryMass, double wetMass, double isp, double thrustMin, double thrustMax,
                          double[] position, double[] velocity, double glideSlopeDeg, double maxTiltDeg, double maxSpeed,
                          double timeOfFlight, int nodes, Objective objective, Disturbance disturbance) {
        this(gravity, dryMass, wetMass, isp, thrustMin, thrustMax, position, velocity, glideSlopeDeg, maxTiltDeg, maxSpeed,
            timeOfFlight, nodes, objective, disturbance, null, Double.NaN);
    }

    /** A known acceleration along the descent, as a function of the time since its start. */
    @FunctionalInterface
    public interface Disturbance {
        /**
         * @param t time since the descent's start, s
         * @return acceleration [up, east, north], m/s²
         */
        double[] at(double t);
    }

    /** A problem with no acceleration besides gravity (the command line's, the papers'). */
    public DescentProblem(double[] gravity, double dryMass, double wetMass, double isp, double thrustMin, double thrustMax,
                          double[] position, double[] velocity, double glideSlopeDeg, double maxTiltDeg, double maxSpeed,
                          double timeOfFlight, int nodes, Objective objective) {
        this(gravity, dryMass, wetMass, isp, thrustMin, thrustMax, position, velocity, glideSlopeDeg, maxTiltDeg, maxSpeed,
            timeOfFlight, nodes, objective, null);
    }

    /** What the guidance minimises. */
    public enum Objective {
        /** Propellant, landing at the target (Açıkmeşe and Ploen 2007). */
        MIN_PROPELLANT,
        /** Distance from the target at touchdown, landing at rest on the ground (Blackmore et al. 2010). */
        MIN_LANDING_ERROR
    }

    /** @return the same problem with a fixed time of flight */
    public DescentProblem withTimeOfFlight(double seconds) {
        return new DescentProblem(gravity, dryMass, wetMass, isp, thrustMin, thrustMax, position, velocity, glideSlopeDeg,
            maxTiltDeg, maxSpeed, seconds, nodes, objective, disturbance, pointing, maxPointingDeg);
    }
}

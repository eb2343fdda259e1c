package org.launchbench.trajectory.ascent;

/**
 * The open-loop part of an ascent and the shape of its insertion.
 *
 * @param riseTime                     vertical rise before the pitch-over, s
 * @param kickDuration                 duration of the pitch-over, s
 * @param upperStageFlightPathAngleDeg flight-path angle (relative to the ground) at which the last stage should
 *                                     ignite on a direct or parking-orbit ascent, degrees; the pitch-over angle
 *                                     is solved to meet it ({@link AscentSimulator#flyBest} also chooses it)
 * @param sampleInterval               time-history interval, s
 * @param insertion                    how the last stage reaches the orbit
 * @param parkingAltitude              perigee altitude of the transfer orbit of a parking-orbit ascent, m
 * @param separationCoast              unpowered time between a stage's separation and the next one's
 *                                     ignition, s
 */
public record AscentProfile(double riseTime, double kickDuration, double upperStageFlightPathAngleDeg, double sampleInterval,
                            Insertion insertion, double parkingAltitude, double separationCoast) {

    /**
     * A rise of 10 s, a 10 s pitch-over, the last stage igniting at 20 degrees, samples every second, the
     * insertion chosen from the vehicle and orbit, a 200 km transfer perigee, 5 s between separation and ignition
     * (Falcon 9 flies about 3 s from MECO to separation and 7 s more to second-stage ignition; shorter coasts are
     * common on solid stages).
     */
    public static final AscentProfile DEFAULT = new AscentProfile(10, 10, 20, 1, Insertion.AUTO, 200_000, 5);

    /** How the last stage reaches the target orbit. */
    public enum Insertion {
        /** Chosen from the vehicle and the orbit (see {@link AscentSimulator}). */
        AUTO,
        /** One burn of the last stage straight into the orbit (insertion at perigee). */
        DIRECT,
        /**
         * The last stage burns into a transfer orbit (perigee at the parking altitude, apogee at the target's),
         * coasts to near apogee and relights to raise the perigee: needs a restartable engine.
         */
        PARKING_ORBIT,
        /**
         * The lower stages put the apogee of a suborbital trajectory at the target altitude; the stack coasts up
         * to it and the last stage (a small kick stage) circularises there.
         */
        COAST_TO_APOGEE,
        /**
         * The last stage burns into a circular parking orbit at the target's perigee altitude, in the lowest plane
         * the site reaches, coasts to the orbit's next node (an equator crossing) and relights there into the target,
         * turning the plane to the target's inclination in the same burn: a transfer orbit whose inclination is below
         * the site's latitude (a geostationary transfer orbit at 27 deg from the Cape). Needs a restartable engine.
         */
        NODE;

        /** @return its name on the command line ({@code --insertion}) and in the JSON */
        public String label() {
            return switch (this) {
                case AUTO -> "auto";
                case DIRECT -> "direct";
                case PARKING_ORBIT -> "parking";
                case COAST_TO_APOGEE -> "coast";
                case NODE -> "node";
            };
        }
    }

    /** @param choice the insertion to use; @return this profile with it */
    public AscentProfile with(Insertion choice) {
        return new AscentProfile(riseTime, kickDuration, upperStageFlightPathAngleDeg, sampleInterval, choice, parkingAltitude,
            separationCoast);
    }
}

package org.launchbench.constellation;

/**
 * How satellites reach their slots.
 *
 * @param kind              direct insertion into each launch's plane, or drift from a parking orbit to several planes
 * @param parkingAltitude   m (drift only: the satellites wait there while J2 turns their plane away from the one they
 *                          were launched into, then raise)
 * @param maxDriftDays      longest drift a satellite may spend (drift only)
 * @param phasingOffset     altitude offset used to spread satellites released together to their slots in a plane, m
 * @param inclinationOffset the parking orbit's inclination less the planes', rad (drift only: the node rate goes as
 *                          cos i, so an offset drifts the node too, at the price of a plane change when raising)
 */
public record Strategy(Kind kind, double parkingAltitude, double maxDriftDays, double phasingOffset, double inclinationOffset) {

    /** Checks the values a plan cannot work with. */
    public Strategy {
        if (!(phasingOffset > 0) || !(parkingAltitude > 0) || !(maxDriftDays >= 0) || !Double.isFinite(inclinationOffset)) {
            throw new IllegalArgumentException("strategy: parking altitude " + parkingAltitude + " m and phasing offset " + phasingOffset
                + " m must be positive, the drift limit " + maxDriftDays + " days not negative");
        }
    }

    /** A strategy without an inclination offset. */
    public Strategy(Kind kind, double parkingAltitude, double maxDriftDays, double phasingOffset) {
        this(kind, parkingAltitude, maxDriftDays, phasingOffset, 0);
    }


    /** The strategies. */
    public enum Kind {
        /** Each launch fills one plane, inserted at the operational altitude. */
        DIRECT,
        /** Each launch fills its plane and the next ones by differential nodal precession from a parking orbit. */
        DRIFT
    }
}

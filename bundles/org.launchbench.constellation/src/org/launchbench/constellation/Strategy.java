package org.launchbench.constellation;

/**
 * How satellites reach their slots.
 *
 * @param kind              direct insertion into each launch's plane, or drift from a parking orbit to several planes
 * @param parkingAltitude   m (drift only: the satellites wait there while J2 turns their plane away from the one they
 *                          were launched into, then raise)
 * @param maxDriftDays      longest drift a satellite may spend (drift only)
 * @param phasingOffset     altitude offset used to spread satellites released together to their slots in a plane, m
 */
public record Strategy(Kind kind, double parkingAltitude, double maxDriftDays, double phasingOffset) {

    /** The strategies. */
    public enum Kind {
        /** Each launch fills one plane, inserted at the operational altitude. */
        DIRECT,
        /** Each launch fills its plane and the next ones by differential nodal precession from a parking orbit. */
        DRIFT
    }
}

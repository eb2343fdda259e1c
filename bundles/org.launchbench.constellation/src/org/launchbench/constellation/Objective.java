package org.launchbench.constellation;

/** What the planner prefers when it picks launch opportunities. */
public enum Objective {
    /** Fewest launches: the largest launches first. */
    LAUNCHES,
    /** Least cost: the cheapest per satellite first (every launcher needs a cost). */
    COST,
    /** Earliest full operational capability: the earliest opportunities first. */
    TIME
}

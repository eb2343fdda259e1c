package org.launchbench.recovery.stage;

/** The Falcon 9 drone-ship case of {@link StageRecoveryTest}, for the tests of other packages. */
public final class StageRecoveryTestAccess {

    private StageRecoveryTestAccess() {
    }

    /** @return the case, its ascent flown once */
    public static StageRecovery.Case falcon9() {
        StageRecoveryTest.flyTheAscent();
        return StageRecoveryTest.falcon9;
    }

    /** @return its plan */
    public static StageRecovery.Plan plan() {
        StageRecoveryTest.flyTheAscent();
        return StageRecoveryTest.plan;
    }
}

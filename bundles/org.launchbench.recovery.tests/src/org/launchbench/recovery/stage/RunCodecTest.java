package org.launchbench.recovery.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.launchbench.trajectory.ascent.RecoveryResult;

/** A run's result crosses to another machine to the last bit: what a cluster campaign's byte-identical CSV rests on. */
class RunCodecTest {

    private static RecoveryResult result(RecoveryResult.FlightSoftware software, String reason) {
        return new RecoveryResult(RecoveryResult.Outcome.CRASHED, reason, 12.345678901234567, -0.0, Double.MIN_VALUE, 6.02e23, 1 / 3.0, -17.5,
            List.of(new RecoveryResult.Burn("boostback", 150.1, 80_000.0, 30.25, 12_345.6), new RecoveryResult.Burn("landing", 400, 3_000, 25,
                Double.NaN)), List.of(), List.of(), Double.NaN, 123_456.789, 23, Double.POSITIVE_INFINITY, Math.PI, software);
    }

    @Test
    void everyNumberComesBackBitForBit() {
        RecoveryResult.FlightSoftware fs = new RecoveryResult.FlightSoftware(1.1, 8, 20.5, Double.NaN, 3.25, 50, 0.123, -0.05, 0.07, 5.9, 21, 0.3,
            1.7, 2.9);
        for (RecoveryResult r : List.of(result(fs, "out of propellant at 120 m"), result(null, null))) {
            RecoveryResult back = RunCodec.decode(RunCodec.encode(r));
            // records compare doubles by their bits (Double.compare), NaN and -0.0 included; events and history are not carried
            assertEquals(r, back);
        }
    }

    @Test
    void bytesThatAreNotAResultAreRefused() {
        byte[] good = RunCodec.encode(result(null, "why"));
        assertThrows(IllegalArgumentException.class, () -> RunCodec.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> RunCodec.decode(Arrays.copyOf(good, good.length + 1)));
        byte[] other = good.clone();
        other[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> RunCodec.decode(other));
    }
}

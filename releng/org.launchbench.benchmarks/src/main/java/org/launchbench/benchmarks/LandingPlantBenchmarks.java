package org.launchbench.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.ShippedDictionaries;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the landing plant costs the loop each cycle ({@code hil}): the Falcon 9 stage from its landing-burn ignition,
 * 1,000 cycles of 1 ms (its sensor packets, then a step under a held engine command), as a 1 kHz loop runs them.
 * The time of one invocation in ms is the cost of one cycle in µs, against the 1,000 µs a 1 kHz period allows.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(1)
@State(Scope.Benchmark)
public class LandingPlantBenchmarks {

    private static final int CYCLES = 1000;

    private Falcon9Recovery f9;
    private LandingPlant plant;
    private Map<String, Packet> command;

    @Setup(Level.Trial)
    public void flyTheAscent() {
        f9 = Falcon9Recovery.fly();
        PacketDictionary d = ShippedDictionaries.landing();
        command = Map.of(LandingPlant.ENGINE_COMMAND, new Packet(d.byName(LandingPlant.ENGINE_COMMAND).orElseThrow(),
            Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", 0.8, "gimbal_pitch", 0.0, "gimbal_yaw", 0.0), 0, 0));
    }

    @Setup(Level.Invocation)
    public void toIgnition() {
        plant = new LandingPlant(f9.engine().landingBurn(f9.c(), f9.plan(), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT));
    }

    /** {@value #CYCLES} cycles of the plant at 1 kHz. */
    @Benchmark
    public int thousandCycles() {
        int packets = 0;
        for (int k = 0; k < CYCLES; k++) {
            double t = k * 1e-3;
            if (k > 0) {
                plant.step(t - 1e-3, 1e-3, command);
            }
            packets += plant.sensors(t).size();
        }
        return packets;
    }
}

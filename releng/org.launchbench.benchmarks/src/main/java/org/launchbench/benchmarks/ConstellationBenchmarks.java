package org.launchbench.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.launchbench.constellation.ConstellationDesign;
import org.launchbench.constellation.DeploymentPlan;
import org.launchbench.constellation.DeploymentPlanner;
import org.launchbench.constellation.Launcher;
import org.launchbench.constellation.Objective;
import org.launchbench.constellation.Satellite;
import org.launchbench.constellation.Strategy;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Constellation deployment planning (the anchor: 13,000 satellites in ~100 planes planned in under 5 s), as
 * examples/constellations/mega-constellation.json plans it (Walker at 550 km and 53°, drift from 350 km for up to 60
 * days, low-thrust raise, two launchers of 30 and 12 a launch, earliest completion), at several satellite and plane
 * counts ("T/P").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ConstellationBenchmarks {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

    /** Satellites / planes. */
    @Param({"1296/108", "12960/108", "25920/108", "12960/36", "12960/216"})
    public String shape;

    private ConstellationDesign design;
    private List<Launcher> launchers;
    private final DeploymentPlanner planner = new DeploymentPlanner(EARTH);

    @Setup
    public void design() {
        String[] tp = shape.split("/");
        design = ConstellationDesign.walker("benchmark", false, START, Integer.parseInt(tp[0]), Integer.parseInt(tp[1]), 1, 550_000,
            Math.toRadians(53), 0);
        EarthModel.Geodetic jiuquan = new EarthModel.Geodetic(Math.toRadians(40.9581), Math.toRadians(100.2912), 1000);
        EarthModel.Geodetic haiyang = new EarthModel.Geodetic(Math.toRadians(35.3), Math.toRadians(121.2), 0);
        launchers = List.of(
            new Launcher("zhuque-3", "Zhuque-3", "dongfeng-commercial", jiuquan, "constellation-dispenser", 30, 11_000, 4,
                START.plusSeconds(31 * 86_400), 2000, 40, 60),
            new Launcher("gravity-1", "Gravity-1", "haiyang-sea", haiyang, "constellation-dispenser", 12, 4_200, 20,
                START.plusSeconds(59 * 86_400), 500, 10, 60));
    }

    /** One plan. */
    @Benchmark
    public DeploymentPlan plan() {
        return planner.plan(design, launchers, new Satellite(300, 1500, 0.05, Double.POSITIVE_INFINITY),
            new Strategy(Strategy.Kind.DRIFT, 350_000, 60, 10_000), Objective.TIME, null, "benchmark");
    }
}

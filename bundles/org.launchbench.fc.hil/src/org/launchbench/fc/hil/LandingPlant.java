package org.launchbench.fc.hil;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.ShippedDictionaries;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;

/**
 * The landing burn as the loop's plant: the recovery simulation's stage from its landing-burn ignition point, flown
 * under the flight computer's engine commands, its sensors in the landing dictionary's packets.
 * <p>
 * The frame is the landing zone's: x east, y north, z up, from the zone's centre. The point-mass model has no attitude:
 * the engine command's gimbal angles set the thrust direction, pitch toward north and yaw toward east
 * (direction = [sin yaw, sin pitch cos yaw, cos pitch cos yaw] in x, y, z), and the IMU's rates are zero.
 * <p>
 * Each cycle sends, in this order: {@code imu} (specific force), {@code gnss}, {@code altimeter}, {@code engine-state}
 * (lit, net thrust, propellant), and, in the first ten cycles and then once a second, {@code vehicle}: the stage's
 * parameters as a bench loads them into a flight computer (dry mass, propellant margin, thrust range at the pad,
 * throttle range, specific impulse, tilt limit with 0 for none, gravity).
 */
public final class LandingPlant implements Plant {

    /** The engine command's packet name. */
    public static final String ENGINE_COMMAND = "engine-command";

    /** The packets and fields the landing loop speaks (a dictionary may hold more). */
    public static final Map<String, List<String>> PACKETS = Map.of(
        "imu", List.of("ax", "ay", "az", "wx", "wy", "wz"),
        "gnss", List.of("x", "y", "z", "vx", "vy", "vz", "satellites"),
        "altimeter", List.of("height", "valid"),
        "engine-state", List.of("lit", "thrust", "propellant"),
        "vehicle", List.of("dry_mass", "propellant_margin", "thrust_max", "thrust_min", "throttle_min", "throttle_max", "isp", "max_tilt",
            "gravity"),
        ENGINE_COMMAND, List.of("ignite", "cutoff", "throttle", "gimbal_pitch", "gimbal_yaw"));

    /**
     * Sensor errors for a bench without its own sensor models ({@code hil --sensor-noise SEED}): a tactical-grade IMU
     * (accelerometer bias 0.02 m/s², noise 0.05 m/s² per sample), differential GNSS (0.5 m across, 0.8 m vertical,
     * 0.05 m/s) and a radar altimeter (0.3 m).
     */
    public static final Map<String, NoisySensors.Error> BENCH_SENSOR_ERRORS = Map.ofEntries(
        Map.entry("imu.ax", new NoisySensors.Error(0.02, 0.05)), Map.entry("imu.ay", new NoisySensors.Error(0.02, 0.05)),
        Map.entry("imu.az", new NoisySensors.Error(0.02, 0.05)),
        Map.entry("gnss.x", new NoisySensors.Error(0, 0.5)), Map.entry("gnss.y", new NoisySensors.Error(0, 0.5)),
        Map.entry("gnss.z", new NoisySensors.Error(0, 0.8)),
        Map.entry("gnss.vx", new NoisySensors.Error(0, 0.05)), Map.entry("gnss.vy", new NoisySensors.Error(0, 0.05)),
        Map.entry("gnss.vz", new NoisySensors.Error(0, 0.05)),
        Map.entry("altimeter.height", new NoisySensors.Error(0, 0.3)));

    /**
     * Checks a dictionary can carry the landing loop: each of {@link #PACKETS} with exactly its fields.
     *
     * @param source the dictionary's file, for the message
     * @throws InvalidInputException naming the packet and what it lacks
     */
    public static void requireLandingPackets(PacketDictionary dictionary, String source) {
        for (Map.Entry<String, List<String>> e : new TreeMap<>(PACKETS).entrySet()) {
            PacketDictionary.Packet p = dictionary.byName(e.getKey()).orElseThrow(() -> InvalidInputException
                .because("the landing loop needs this packet and the dictionary does not declare it").source(source).element("packets")
                .value(e.getKey()).allowed("a dictionary declaring " + String.join(", ", new TreeMap<>(PACKETS).keySet()))
                .fix("start from org.launchbench.fc.ccsds/dictionaries/landing.json").build());
            // a packet's time field, where its framing puts the time in the body, is the codec's, not the loop's
            List<String> fields = p.fields().stream().map(PacketDictionary.Field::name)
                .filter(f -> dictionary.framing().timeInHeader(p) || !f.equals(PacketDictionary.TIME_FIELD)).toList();
            if (!new HashSet<>(fields).equals(new HashSet<>(e.getValue()))) {
                throw InvalidInputException.because("the landing loop's packet has other fields than it needs").source(source)
                    .element("packets[" + e.getKey() + "].fields").value(String.join(", ", fields))
                    .allowed(String.join(", ", e.getValue()) + " (any order and types)").build();
            }
        }
    }

    /**
     * The dictionary a loop speaks: a user's file, or the one {@code org.launchbench.fc.ccsds} ships.
     *
     * @param file the file given (empty: the shipped one)
     * @throws InvalidInputException when the file cannot be read or cannot carry the loop
     */
    public static PacketDictionary dictionary(Optional<Path> file) {
        if (file.isEmpty()) {
            return ShippedDictionaries.landing();
        }
        // an XTCE file (a ground team's, in LaunchBench's packet layout) or LaunchBench's JSON
        PacketDictionary d = org.launchbench.fc.ccsds.DictionaryFiles.read(file.get());
        requireLandingPackets(d, file.get().toString());
        return d;
    }

    private final StageRecovery.LandingBurn burn;
    private final Map<String, Double> vehicle;
    private int cycle;
    private double lastVehicle = Double.NEGATIVE_INFINITY;
    private double throttle;
    private boolean aborted;

    /** @param burn the stage at its landing-burn ignition point */
    public LandingPlant(StageRecovery.LandingBurn burn) {
        this.burn = burn;
        Map<String, Double> v = new LinkedHashMap<>();
        if (!burn.finished()) {
            double[] range = burn.throttleRange();
            v.put("dry_mass", burn.emptyMass());
            v.put("propellant_margin", burn.propellantMargin());
            v.put("thrust_max", burn.thrustMax());
            v.put("thrust_min", burn.thrustMin());
            v.put("throttle_min", range[0]);
            v.put("throttle_max", range[1]);
            v.put("isp", burn.isp());
            v.put("max_tilt", Double.isNaN(burn.maxTiltDeg()) ? 0 : burn.maxTiltDeg());
            v.put("gravity", burn.gravity());
        }
        this.vehicle = Map.copyOf(v);
    }

    @Override
    public Map<String, Map<String, Double>> sensors(double t) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (burn.finished()) {
            return out;
        }
        double[] l = burn.local();
        double[] f = burn.specificForce();
        out.put("imu", Map.of("ax", f[1], "ay", f[2], "az", f[0], "wx", 0.0, "wy", 0.0, "wz", 0.0));
        out.put("gnss", Map.of("x", l[1], "y", l[2], "z", l[0], "vx", l[4], "vy", l[5], "vz", l[3], "satellites", 12.0));
        out.put("altimeter", Map.of("height", Math.max(0, l[0]), "valid", 1.0));
        out.put("engine-state", Map.of("lit", burn.lit() ? 1.0 : 0.0, "thrust", burn.lit() ? burn.thrustNow() : 0.0,
            "propellant", Math.max(0, burn.mass() - burn.emptyMass())));
        if (cycle < 10 || t - lastVehicle >= 1 - 1e-9) {
            out.put("vehicle", vehicle);
            lastVehicle = t;
        }
        cycle++;
        return out;
    }

    @Override
    public void step(double t, double dt, Map<String, Packet> commands) {
        Packet c = commands.get(ENGINE_COMMAND);
        // the ground's latest command ({@link GroundStation}): an abort cuts the engine off for good (a later command
        // does not relight it), a limit caps the throttle (the engine holds its minimum under a lower one)
        Packet ground = commands.get(GroundStation.GROUND_COMMAND);
        aborted |= ground != null && ground.value("abort") != 0;
        boolean abort = aborted;
        double limit = ground == null ? 1 : ground.value("throttle_limit");
        if (c == null) {
            burn.step(dt, false, abort, 0, null);
            return;
        }
        double pitch = c.value("gimbal_pitch");
        double yaw = c.value("gimbal_yaw");
        throttle = Math.min(c.value("throttle"), limit);
        double[] up = {Math.cos(pitch) * Math.cos(yaw), Math.sin(yaw), Math.sin(pitch) * Math.cos(yaw)};
        burn.step(dt, !abort && c.value("ignite") != 0, abort || c.value("cutoff") != 0, throttle, up);
    }

    @Override
    public boolean finished() {
        return burn.finished();
    }

    /** Ends a flight the loop's time ran out on: the stage drops the rest of the way. */
    public void abandon(String why) {
        burn.abandon(why);
    }

    /** @return how the flight ended (null while it flies) */
    public RecoveryResult result() {
        return burn.result();
    }
}

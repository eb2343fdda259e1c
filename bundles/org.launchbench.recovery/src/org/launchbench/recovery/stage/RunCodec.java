package org.launchbench.recovery.stage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.launchbench.trajectory.ascent.RecoveryResult;

/**
 * A recovery's result as bytes, for a run flown on another machine: every number a campaign's CSV and summary use, to
 * the last bit (doubles as their IEEE 754 bits), the outcome, the reason and the burns. The stage's event timeline and
 * time history are not carried: a campaign reports neither. Decoding gives them empty.
 */
public final class RunCodec {

    private static final int VERSION = 1;

    private RunCodec() {
    }

    /** @return the result's bytes */
    public static byte[] encode(RecoveryResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(r.outcome().ordinal());
            out.writeBoolean(r.reason() != null);
            if (r.reason() != null) {
                out.writeUTF(r.reason());
            }
            for (double x : new double[] {r.missDistance(), r.east(), r.north(), r.touchdownVerticalSpeed(), r.touchdownHorizontalSpeed(),
                r.propellantRemaining(), r.landingIgnitionMargin(), r.peakDynamicPressure(), r.touchdownTiltDeg(),
                r.touchdownAngularRateDegS()}) {
                out.writeDouble(x);
            }
            out.writeInt(r.guidanceSolves());
            out.writeInt(r.burns().size());
            for (RecoveryResult.Burn b : r.burns()) {
                out.writeUTF(b.name());
                out.writeDouble(b.ignitionTime());
                out.writeDouble(b.ignitionAltitude());
                out.writeDouble(b.duration());
                out.writeDouble(b.propellant());
            }
            RecoveryResult.FlightSoftware f = r.software();
            out.writeBoolean(f != null);
            if (f != null) {
                for (double x : new double[] {f.maxGimbalDeg(), f.gimbalLimitDeg(), f.maxFinDeflectionDeg(), f.finLimitDeg(), f.rcsPropellantKg(),
                    f.rcsPropellantCapacityKg(), f.navigationErrorAtTouchdownM(), f.navigationEastM(), f.navigationNorthM(), f.navigationNees()}) {
                    out.writeDouble(x);
                }
                out.writeInt(f.guidanceSolves());
                out.writeDouble(f.solveTimeP50Ms());
                out.writeDouble(f.solveTimeP99Ms());
                out.writeDouble(f.solveTimeMaxMs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes from {@link #encode}
     * @return the result, without events or history
     * @throws IllegalArgumentException for bytes that are not one
     */
    public static RecoveryResult decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("a run result of another format");
            }
            RecoveryResult.Outcome outcome = RecoveryResult.Outcome.values()[in.readByte()];
            String reason = in.readBoolean() ? in.readUTF() : null;
            double[] d = new double[10];
            for (int i = 0; i < d.length; i++) {
                d[i] = in.readDouble();
            }
            int solves = in.readInt();
            int burnCount = in.readInt();
            if (burnCount < 0 || burnCount > 100) {
                throw new IllegalArgumentException("a run result with " + burnCount + " burns");
            }
            List<RecoveryResult.Burn> burns = new ArrayList<>();
            for (int i = 0; i < burnCount; i++) {
                burns.add(new RecoveryResult.Burn(in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            RecoveryResult.FlightSoftware software = null;
            if (in.readBoolean()) {
                double[] f = new double[10];
                for (int i = 0; i < f.length; i++) {
                    f[i] = in.readDouble();
                }
                software = new RecoveryResult.FlightSoftware(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble());
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("bytes after a run result's end");
            }
            return new RecoveryResult(outcome, reason, d[0], d[1], d[2], d[3], d[4], d[5], List.copyOf(burns), List.of(), List.of(), d[6], d[7],
                solves, d[8], d[9], software);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a truncated run result", e);
        }
    }
}

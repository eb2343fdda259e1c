package org.launchbench.recovery.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One point of a trade study, flown: the payload carried, the first stage's reserve, the nominal recovery and the
 * dispersion's landings; or why the point could not be flown (an orbit out of reach, a zone the stage cannot make).
 *
 * @param index                  the point's index
 * @param payloadKg              payload carried, kg (NaN when not flown)
 * @param firstStageReserveKg    propellant the first stage kept at cut-off, kg
 * @param outcome                the nominal recovery's outcome (landed, crashed), or "not flown"
 * @param missM                  its miss distance, m
 * @param propellantRemainingKg  its propellant left at touchdown, kg
 * @param runs                   dispersion runs flown
 * @param landed                 of which landed
 * @param error                  why the point was not flown (null: it was)
 */
record SweepRow(int index, double payloadKg, double firstStageReserveKg, String outcome, double missM, double propellantRemainingKg,
                int runs, int landed, String error) {

    /** The longest error kept, characters (on this machine and on a cluster alike). */
    static final int MAX_ERROR = 2_000;

    SweepRow {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    /** @return the share of the dispersion's runs that landed, or the nominal flight's 1 or 0 without runs; NaN when not flown */
    double landingProbability() {
        if (error != null) {
            return Double.NaN;
        }
        return runs > 0 ? (double) landed / runs : outcome.equals("landed") ? 1 : 0;
    }

    byte[] encode() {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(index);
            out.writeDouble(payloadKg);
            out.writeDouble(firstStageReserveKg);
            out.writeUTF(outcome);
            out.writeDouble(missM);
            out.writeDouble(propellantRemainingKg);
            out.writeInt(runs);
            out.writeInt(landed);
            out.writeBoolean(error != null);
            if (error != null) {
                out.writeUTF(error);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static SweepRow decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new SweepRow(in.readInt(), in.readDouble(), in.readDouble(), in.readUTF(), in.readDouble(), in.readDouble(), in.readInt(),
                in.readInt(), in.readBoolean() ? in.readUTF() : null);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated sweep row", e);
        }
    }
}

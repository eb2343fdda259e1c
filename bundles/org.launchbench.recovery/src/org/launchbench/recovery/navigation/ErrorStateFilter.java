package org.launchbench.recovery.navigation;

import java.util.ArrayDeque;
import java.util.Iterator;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.GnssFix;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.sensors.ImuSample;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * An error-state (multiplicative) extended Kalman filter for a vehicle with an IMU, aided by GNSS and a radar
 * altimeter (Solà, "Quaternion kinematics for the error-state Kalman filter", 2017, §5 and §6, with the attitude error
 * local to the body: q_true = q̂ ⊗ Exp(δθ); Groves 2013, ch. 14, for the inertial frame). The nominal state (ECI position
 * and velocity, body-to-ECI attitude, accelerometer and gyro biases) is propagated by the IMU's samples (the mean of
 * consecutive samples over each interval, the attitude at mid-interval for the specific force, gravitation with J2 at
 * mid-interval); the error state {δp, δv, δθ, δb_a, δb_g, δM_a, δM_g} carries the covariance:
 * <pre>
 *   δp' = δv        δv' = G δp − R [f]× δθ − R (δb_a + δM_a f̃) + n_v        δθ' = −[ω]× δθ − δb_g − δM_g ω̃ + n_θ
 *   δb_a' = n_ba    δb_g' = n_bg    δM' = 0
 * </pre>
 * with G the point-mass gravity gradient, R body to ECI, f and ω the corrected measurements; discretised to second
 * order in the step (F = I + A dt + ½ A² dt²). A GNSS fix arrives after its latency: its residual is taken against the nominal state
 * when the fix was valid (kept for a second), and the correction applied now (the error changes little over a
 * latency of a tenth of a second). Updates row by row in Joseph's form; after each the error is injected into the nominal state
 * and the covariance reset (Solà eq. 287). The IMU's scale-factor and misalignment errors are states too (constant,
 * 9 for each sensor, Groves 2013, ch. 14): without them the filter grew overconfident once the body had turned
 * (docs/gnc.md). Not thread-safe; one filter per flight.
 */
public final class ErrorStateFilter {

    /** The error state's dimension: position, velocity, attitude, the two biases (3 each), the two error matrices (9 each). */
    public static final int N = 33;
    /** Where the accelerometers' error matrix starts in the error state. */
    static final int MA = 15;
    /** Where the gyros' error matrix starts. */
    static final int MG = 24;
    /** How often the covariance moves, Hz (the nominal state moves at every IMU sample). */
    static final double COVARIANCE_RATE_HZ = 50;
    /** How long the nominal states are kept for delayed measurements, s. */
    static final double HISTORY_S = 1.0;

    /**
     * The filter's noise model, from the IMU's grade: white-noise densities and bias walks (the scale-factor and
     * misalignment errors are states, their spread the initial covariance's).
     *
     * @param velocityRandomWalk m/s/√s
     * @param angleRandomWalk    rad/√s
     * @param accelBiasWalk      m/s²/√s
     * @param gyroBiasWalk       rad/s/√s
     */
    public record Tuning(double velocityRandomWalk, double angleRandomWalk, double accelBiasWalk, double gyroBiasWalk) {
        /** @param imu the unit's grade; @return the noise it puts in */
        public static Tuning of(ImuErrors imu) {
            return new Tuning(imu.velocityRandomWalkMSPerRootS(), imu.angleRandomWalkRadPerRootS(), imu.accelBiasWalkMS2PerRootS(),
                imu.gyroBiasWalkRadSPerRootS());
        }
    }

    private record Stored(double t, Vector3D p, Vector3D v) {
    }

    private final EarthModel earth;
    private final Tuning tuning;
    private final ArrayDeque<Stored> history = new ArrayDeque<>();
    private double t;
    private Vector3D p;
    private Vector3D v;
    private Quaternion q;
    private Vector3D ba;
    private Vector3D bg;
    private double[][] ma;
    private double[][] mg;
    private double[][] cov;
    private ImuSample last;
    private double pendingDt;
    private Pending pending;
    private Vector3D pendingPosition;

    /**
     * @param earth   the Earth model the flight software carries
     * @param tuning  its noise model
     * @param initial where it starts, and how sure (the covariance is copied)
     */
    public ErrorStateFilter(EarthModel earth, Tuning tuning, NavigationEstimate initial) {
        this.earth = earth;
        this.tuning = tuning;
        this.t = initial.timeS();
        this.p = initial.positionEciM();
        this.v = initial.velocityEciMS();
        this.q = initial.attitude().normalized();
        this.ba = initial.accelBiasMS2();
        this.bg = initial.gyroBiasRadS();
        this.ma = copy(initial.accelErrorMatrix());
        this.mg = copy(initial.gyroErrorMatrix());
        this.cov = copy(initial.covariance());
        if (cov.length != N || cov[0].length != N) {
            throw new IllegalArgumentException("the initial covariance must be " + N + " x " + N);
        }
        history.addLast(new Stored(t, p, v));
    }

    /**
     * @return the estimate now; its covariance is the filter's brought up to now on a copy, so reading the estimate
     *         never changes what the filter does next
     */
    public NavigationEstimate estimate() {
        double[][] now = copy(cov);
        if (pendingDt > 0) {
            covariance(now, pendingDt, pending.r(), pending.f(), pending.w(), pending.fRaw(), pending.wRaw(), pendingPosition);
        }
        return new NavigationEstimate(t, p, v, q, ba, bg, copy(ma), copy(mg), now);
    }

    /**
     * Moves the estimate to the sample's time. The first sample only starts the interval (it must be at the estimate's
     * time); each later one closes an interval with the mean of its two ends.
     *
     * @param s the IMU's next sample
     */
    public void propagate(ImuSample s) {
        if (last == null) {
            if (Math.abs(s.timeS() - t) > 1e-9) {
                throw new IllegalArgumentException("the first IMU sample must be at the estimate's time " + t + ", not " + s.timeS());
            }
            last = s;
            return;
        }
        double dt = s.timeS() - last.timeS();
        if (!(dt > 0)) {
            throw new IllegalArgumentException("IMU samples must advance in time: " + last.timeS() + " then " + s.timeS());
        }
        Vector3D fRaw = last.specificForceBodyMS2().add(s.specificForceBodyMS2()).scalarMultiply(0.5);
        Vector3D wRaw = last.angularRateBodyRadS().add(s.angularRateBodyRadS()).scalarMultiply(0.5);
        // b + (I + M) x measured: x = measured − b − M x, with M x taken at the measured value (M is of order 1e-3, so the
        // difference is of order 1e-6 of the error's own 1e-3)
        Vector3D f = fRaw.subtract(ba).subtract(times(ma, fRaw));
        Vector3D w = wRaw.subtract(bg).subtract(times(mg, wRaw));
        Quaternion mid = q.multiply(Quaternion.fromRotationVector(w.scalarMultiply(dt / 2))).normalized();
        Vector3D accel = mid.toInertial(f).add(earth.gravity(p.add(dt / 2, v)));
        double[][] r = matrix(mid);
        // the covariance moves at COVARIANCE_RATE_HZ: its dynamics change slowly, and propagating it at the IMU's rate
        // would be most of the filter's cost (docs/gnc.md); it is brought up to date before any update or estimate
        pendingDt += dt;
        pending = new Pending(r, f, w, fRaw.toArray(), wRaw.toArray());
        pendingPosition = p;
        if (pendingDt >= 1 / COVARIANCE_RATE_HZ - 1e-9) {
            flushCovariance();
        }
        p = p.add(dt, v).add(0.5 * dt * dt, accel);
        v = v.add(dt, accel);
        q = q.multiply(Quaternion.fromRotationVector(w.scalarMultiply(dt))).normalized();
        t = s.timeS();
        last = s;
        history.addLast(new Stored(t, p, v));
        // keep one state at or before the window's start, so that a fix valid anywhere in the window is interpolated
        while (history.size() > 2 && secondOldest().t() <= t - HISTORY_S) {
            history.removeFirst();
        }
    }

    private Stored secondOldest() {
        Iterator<Stored> it = history.iterator();
        it.next();
        return it.next();
    }

    /** The error dynamics' inputs at the last sample, for the covariance's next step. */
    private record Pending(double[][] r, Vector3D f, Vector3D w, double[] fRaw, double[] wRaw) {
    }

    /** Brings the covariance up to the nominal state's time, over the interval since it last moved. */
    private void flushCovariance() {
        if (pendingDt > 0) {
            covariance(cov, pendingDt, pending.r(), pending.f(), pending.w(), pending.fRaw(), pending.wRaw(), pendingPosition);
            pendingDt = 0;
        }
    }

    /**
     * P ← F P Fᵀ + Q with F = I + A dt + ½ A² dt², to second order in dt: P + dt (AP + (AP)ᵀ) + dt² (A P Aᵀ + ½ (A²P +
     * (A²P)ᵀ)), in place.
     */
    private void covariance(double[][] cov, double dt, double[][] r, Vector3D f, Vector3D w, double[] fRaw, double[] wRaw,
                            Vector3D position) {
        double[][] gg = gravityGradient(position);
        double[][] rf = multiply(r, skew(f));
        double[][] sw = skew(w);
        double[][] ap = applyA(cov, gg, rf, r, sw, fRaw, wRaw);
        double[][] apt = transpose(ap);
        double[][] apat = applyA(apt, gg, rf, r, sw, fRaw, wRaw);
        double[][] aap = applyA(ap, gg, rf, r, sw, fRaw, wRaw);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                cov[i][j] += dt * (ap[i][j] + apt[i][j]) + dt * dt * (apat[i][j] + 0.5 * (aap[i][j] + aap[j][i]));
            }
        }
        double qv = tuning.velocityRandomWalk() * tuning.velocityRandomWalk() * dt;
        double qt = tuning.angleRandomWalk() * tuning.angleRandomWalk() * dt;
        double qa = tuning.accelBiasWalk() * tuning.accelBiasWalk() * dt;
        double qg = tuning.gyroBiasWalk() * tuning.gyroBiasWalk() * dt;
        for (int i = 0; i < 3; i++) {
            cov[3 + i][3 + i] += qv;
            cov[6 + i][6 + i] += qt;
            cov[9 + i][9 + i] += qa;
            cov[12 + i][12 + i] += qg;
        }
        symmetrise(cov);
    }

    /**
     * A·M for the error dynamics' A (blocks of 3: p, v, θ, b_a, b_g; then the error matrices), by its non-zero blocks:
     * the error matrices enter as δf = −δM_a x̃ (row i of δM_a times the measured input) and likewise for the rate.
     */
    private static double[][] applyA(double[][] m, double[][] gg, double[][] rf, double[][] r, double[][] sw, double[] fRaw,
                                     double[] wRaw) {
        double[][] out = new double[N][N];
        double[] dfBody = new double[3];
        for (int j = 0; j < N; j++) {
            for (int k = 0; k < 3; k++) {
                dfBody[k] = m[9 + k][j] + fRaw[0] * m[MA + 3 * k][j] + fRaw[1] * m[MA + 3 * k + 1][j] + fRaw[2] * m[MA + 3 * k + 2][j];
            }
            for (int i = 0; i < 3; i++) {
                out[i][j] = m[3 + i][j];
                double dv = 0;
                double dth = -m[12 + i][j] - (wRaw[0] * m[MG + 3 * i][j] + wRaw[1] * m[MG + 3 * i + 1][j] + wRaw[2] * m[MG + 3 * i + 2][j]);
                for (int k = 0; k < 3; k++) {
                    dv += gg[i][k] * m[k][j] - rf[i][k] * m[6 + k][j] - r[i][k] * dfBody[k];
                    dth -= sw[i][k] * m[6 + k][j];
                }
                out[3 + i][j] = dv;
                out[6 + i][j] = dth;
            }
        }
        return out;
    }

    /**
     * Fuses a GNSS fix (once the flight software has it: at or after its {@code availableAtS}).
     *
     * @param fix    the fix
     * @param errors the receiver's figures (the measurement's noise)
     */
    public void updateGnss(GnssFix fix, GnssErrors errors) {
        double tv = fix.validAtS();
        Vector3D rI = earth.toInertial(tv, fix.positionEcefM());
        Vector3D vI = earth.toInertial(tv, fix.velocityEcefMS()).add(Vector3D.crossProduct(earth.rotation(), rI));
        Stored then = at(tv);
        Vector3D dp = rI.subtract(then.p());
        Vector3D dv = vI.subtract(then.v());
        double[] residual = {dp.getX(), dp.getY(), dp.getZ(), dv.getX(), dv.getY(), dv.getZ()};
        double[][] h = new double[6][N];
        double[][] noise = new double[6][6];
        for (int i = 0; i < 3; i++) {
            h[i][i] = 1;
            h[3 + i][3 + i] = 1;
            noise[i][i] = errors.positionSigmaM() * errors.positionSigmaM();
            noise[3 + i][3 + i] = errors.velocitySigmaMS() * errors.velocitySigmaMS();
        }
        update(residual, h, noise);
    }

    /**
     * Fuses a height above the landing zone's plane (a radar altimeter over a flat pad or deck).
     *
     * @param heightM   the reading, m
     * @param sigmaM    its one-sigma noise, m
     * @param zoneEcef  the zone's centre, ECEF, m
     * @param upEcef    the zone's vertical, ECEF, unit
     */
    public void updateHeight(double heightM, double sigmaM, Vector3D zoneEcef, Vector3D upEcef) {
        Vector3D upI = earth.toInertial(t, upEcef);
        double predicted = Vector3D.dotProduct(earth.toFixed(t, p).subtract(zoneEcef), upEcef);
        double[][] h = new double[1][N];
        h[0][0] = upI.getX();
        h[0][1] = upI.getY();
        h[0][2] = upI.getZ();
        update(new double[] {heightM - predicted}, h, new double[][] {{sigmaM * sigmaM}});
    }

    /** The nominal state at a past time, linear between the kept states (now after them). */
    private Stored at(double time) {
        if (time < history.peekFirst().t() - 1e-9) {
            throw new IllegalArgumentException("a fix valid at " + time + " s is older than the " + HISTORY_S
                + " s the filter keeps (now " + t + " s): its latency is too long for this filter");
        }
        Stored before = null;
        Iterator<Stored> it = history.iterator();
        while (it.hasNext()) {
            Stored s = it.next();
            if (s.t() >= time) {
                if (before == null || s.t() == time) {
                    return s;
                }
                double a = (time - before.t()) / (s.t() - before.t());
                return new Stored(time, before.p().add(a, s.p().subtract(before.p())), before.v().add(a, s.v().subtract(before.v())));
            }
            before = s;
        }
        return new Stored(t, p, v);
    }

    /**
     * The update, one measurement row at a time (the noises are independent, so sequential scalar updates give the
     * batch update exactly, in O(N²) a row instead of O(N³)): for each row h with noise r, s = h P hᵀ + r,
     * k = P hᵀ / s, the error estimate moves by k (z − h δx) and P ← (I − k h) P (I − k h)ᵀ + r k kᵀ, Joseph's form,
     * expanded for one row: P − k uᵀ − u kᵀ + s k kᵀ with u = P hᵀ (an identity for any gain k; with the optimal one it
     * equals P − u uᵀ / s, computed here as the expansion, symmetric term by term). Then the error is injected.
     */
    private void update(double[] residual, double[][] h, double[][] noise) {
        flushCovariance();
        double[] dx = new double[N];
        for (int row = 0; row < residual.length; row++) {
            double[] hr = h[row];
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                double sum = 0;
                for (int j = 0; j < N; j++) {
                    sum += cov[i][j] * hr[j];
                }
                u[i] = sum;
            }
            double innovation = residual[row];
            double hph = 0;
            for (int j = 0; j < N; j++) {
                hph += hr[j] * u[j];
                innovation -= hr[j] * dx[j];
            }
            double sv = hph + noise[row][row];
            double[] k = new double[N];
            for (int i = 0; i < N; i++) {
                k[i] = u[i] / sv;
                dx[i] += k[i] * innovation;
            }
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    cov[i][j] += -k[i] * u[j] - u[i] * k[j] + sv * k[i] * k[j];
                }
            }
        }
        inject(dx);
    }

    /** Adds the estimated error to the nominal state and resets the error to zero (Solà 2017, §6.2-6.3). */
    private void inject(double[] dx) {
        Vector3D dp = new Vector3D(dx[0], dx[1], dx[2]);
        Vector3D dv = new Vector3D(dx[3], dx[4], dx[5]);
        p = p.add(dp);
        v = v.add(dv);
        // the kept states take the correction too, each back-dated along the velocity correction, so that a delayed fix
        // is compared with what the filter now believes about that instant, not with what it believed then (else a fix
        // would count again what the fixes and heights since have corrected)
        ArrayDeque<Stored> corrected = new ArrayDeque<>(history.size());
        for (Stored s : history) {
            corrected.addLast(new Stored(s.t(), s.p().add(dp).subtract(t - s.t(), dv), s.v().add(dv)));
        }
        history.clear();
        history.addAll(corrected);
        Vector3D dth = new Vector3D(dx[6], dx[7], dx[8]);
        q = q.multiply(Quaternion.fromRotationVector(dth)).normalized();
        ba = ba.add(new Vector3D(dx[9], dx[10], dx[11]));
        bg = bg.add(new Vector3D(dx[12], dx[13], dx[14]));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                ma[i][j] += dx[MA + 3 * i + j];
                mg[i][j] += dx[MG + 3 * i + j];
            }
        }
        // P ← G P Gᵀ with G = I but its attitude block B = I − [δθ/2]×: rows 6-8 by B, then columns 6-8 by Bᵀ
        double[][] b = skew(dth.scalarMultiply(-0.5));
        for (int i = 0; i < 3; i++) {
            b[i][i] += 1;
        }
        double[][] rows = new double[3][N];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < 3; k++) {
                    rows[i][j] += b[i][k] * cov[6 + k][j];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            cov[6 + i] = rows[i];
        }
        for (int i = 0; i < N; i++) {
            double[] c = new double[3];
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[j] += cov[i][6 + k] * b[j][k];
                }
            }
            for (int j = 0; j < 3; j++) {
                cov[i][6 + j] = c[j];
            }
        }
        symmetrise(cov);
    }

    // ------------------------------------------------------------------ small dense algebra (N x N at most)

    /** ∂g/∂r of the point mass, μ/r³ (3 r̂ r̂ᵀ − I): J2's share is a thousandth of it. */
    private double[][] gravityGradient(Vector3D r) {
        double rn = r.getNorm();
        double k = earth.mu() / (rn * rn * rn);
        double[] u = r.scalarMultiply(1 / rn).toArray();
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[i][j] = k * (3 * u[i] * u[j] - (i == j ? 1 : 0));
            }
        }
        return g;
    }

    private static Vector3D times(double[][] m, Vector3D x) {
        return new Vector3D(m[0][0] * x.getX() + m[0][1] * x.getY() + m[0][2] * x.getZ(), m[1][0] * x.getX() + m[1][1] * x.getY()
            + m[1][2] * x.getZ(), m[2][0] * x.getX() + m[2][1] * x.getY() + m[2][2] * x.getZ());
    }

    static double[][] skew(Vector3D a) {
        return new double[][] {{0, -a.getZ(), a.getY()}, {a.getZ(), 0, -a.getX()}, {-a.getY(), a.getX(), 0}};
    }

    private static double[][] matrix(Quaternion q) {
        Vector3D x = q.toInertial(Vector3D.PLUS_I);
        Vector3D y = q.toInertial(Vector3D.PLUS_J);
        Vector3D z = q.toInertial(Vector3D.PLUS_K);
        return new double[][] {{x.getX(), y.getX(), z.getX()}, {x.getY(), y.getY(), z.getY()}, {x.getZ(), y.getZ(), z.getZ()}};
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int l = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < l; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static void symmetrise(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double s = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = s;
                a[j][i] = s;
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}

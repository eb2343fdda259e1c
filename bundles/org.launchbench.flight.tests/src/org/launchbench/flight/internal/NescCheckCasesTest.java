package org.launchbench.flight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.launchbench.flight.SixDofCase;
import org.launchbench.flight.SixDofCaseFile;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.SixDofSample;

/**
 * NASA's 6-DOF atmospheric check-cases (NASA/TM-2015-218675; Murri, Jackson, Shelton, 2015) flown from the case
 * files shipped in examples/sixdof/, against the per-sample median of NASA's simulations (nesc/caseNN/reference.csv,
 * made from NASA's published time histories; see each README).
 * <p>
 * Tolerance, per quantity and at every 0.5 s sample: twice the largest spread between NASA's own tools over the
 * run (nesc/caseNN/spread.csv), since a correct simulation is one more member of that family, with floors of
 * 0.5 m, 0.05 m/s, 0.01 deg and 0.01 deg/s where NASA's tools agree to rounding (a latitude or longitude floor is
 * the same 0.5 m on the ground). The floors are far below what any check-case would show for a modelling error:
 * without J2 case 01's sphere ends 7.1 m higher, without the Earth's rotation 15.3 m lower and 6.4 m west
 * (docs/flight-dynamics.md).
 */
class NescCheckCasesTest {

    private static final double FLOOR_M = 0.5;
    private static final double FLOOR_M_S = 0.05;
    private static final double FLOOR_DEG = 0.01;
    private static final double FLOOR_DEG_S = 0.01;
    private static final double METRES_PER_DEG = 111_320;

    @ParameterizedTest(name = "case {0}")
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"})
    void everySampleIsWithinTwiceTheSpreadOfNasasTools(String id) throws IOException {
        SixDofCase c = SixDofCaseFile.read(Path.of("../../examples/sixdof/nesc-case" + id + ".json"));
        SixDofCase.Flight flight = c.fly(new NullProgressMonitor());
        assertEquals(SixDofPropagator.End.DURATION, flight.end());
        List<Map<String, Double>> reference = csv(Path.of("nesc/case" + id + "/reference.csv"));
        // cases 04 and 05: NASA's SIM 2 is a documented outlier there (it starts moving and has a truncated μ, see the
        // READMEs), so the spread of the others is the measure, as the READMEs advise
        boolean outlier = id.equals("04") || id.equals("05");
        Map<String, Double> spread = spread(Path.of("nesc/case" + id + "/spread.csv"),
            outlier ? "max_range_without_farthest_over_run" : "max_range_over_run");
        assertEquals(reference.size(), flight.samples().size());
        Map<String, Double> worst = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < reference.size(); k++) {
            Map<String, Double> ref = reference.get(k);
            SixDofSample s = flight.samples().get(k);
            assertEquals(ref.get("t_s"), s.timeS(), 1e-9);
            Map<String, Double> ours = Map.ofEntries(Map.entry("latitude_deg", s.latitudeDeg()),
                Map.entry("longitude_deg", s.longitudeDeg()), Map.entry("altitude_m", s.altitudeM()),
                Map.entry("v_north_m_s", s.velocityNedMS().getX()), Map.entry("v_east_m_s", s.velocityNedMS().getY()),
                Map.entry("v_down_m_s", s.velocityNedMS().getZ()), Map.entry("roll_deg", s.rollDeg()),
                Map.entry("pitch_deg", s.pitchDeg()), Map.entry("yaw_deg", s.yawDeg()),
                Map.entry("p_deg_s", s.bodyRatesInertialDegS().getX()), Map.entry("q_deg_s", s.bodyRatesInertialDegS().getY()),
                Map.entry("r_deg_s", s.bodyRatesInertialDegS().getZ()));
            for (var e : ours.entrySet()) {
                String q = e.getKey();
                double diff = e.getValue() - ref.get(q);
                if (q.startsWith("roll") || q.startsWith("pitch") || q.startsWith("yaw")) {
                    diff = Math.IEEEremainder(diff, 360);
                }
                double tol = Math.max(2 * spread.get(q), floor(q));
                worst.merge(q, Math.abs(diff) / tol, Math::max);
                if (!(Math.abs(diff) <= tol)) {
                    failures.add(String.format(Locale.ROOT, "t=%.1f %s: ours %.9g, NASA %.9g, off %.3g > %.3g", s.timeS(), q,
                        e.getValue(), ref.get(q), diff, tol));
                }
            }
        }
        System.out.println("NESC case " + id + ": worst fraction of the tolerance per quantity " + worst);
        assertTrue(failures.isEmpty(), failures.size() + " misses, first: " + failures.subList(0, Math.min(5, failures.size())));
    }

    /**
     * Regression, once validated above (Orekit's habit): the final state of each case as this implementation
     * computed it on 2026-12-06 (all ten cases), to a micrometre and a microdegree, so that any change to the
     * equations, the integrator or the models shows even when it stays inside NASA's spread. Update only with a
     * reason.
     */
    @ParameterizedTest(name = "case {0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "01, 4754.54604658857, 5.745522132745328E-5, 292.69732606245714, -0.12539967918853956, 0, 0, 0, 0, 0",
        "02, 4754.54604658857, 5.745522132745328E-5, 292.69732606245714, -56.15130760850735, -3.819654915523867, -4.28935503770116, 12.6183907683, -17.3974747704, 31.1195888836",
        "03, 4754.54604658857, 5.745522132745328E-5, 292.69732606245714, -5.15257336002799, -38.69971324380443, -111.35515465558949, -0.0011873909, 0.0037900528, 0.001314488",
        "04, 4947.302030923776, -9.881201649898727E-15, 264.2935864084585, 17.925302172286607, 17.746632790793324, 37.45322079720328, 10.0, 20.0, 30.0",
        "05, 4961.0419959248975, 5.346998264404163E-5, 263.4935646868348, 17.820738525926572, 17.82285987873643, 37.42128267249823, 10.0, 20.0, 30.0",
        "06, 4963.498447228223, 5.337982541615896E-5, 263.3505293611338, -0.12539560379262826, 0, 0, 0, 0, 0",
        "07, 4963.717133812606, 1.2854173493727887E-4, 263.3371398830818, -0.12547076570214938, 0, 0, 0, 0, 0",
        "08, 4965.496138039045, 2.735796731160084E-4, 263.25401374292477, -0.1256158036403281, 0, 0, 0, 0, 0",
        "09, 3097.070783533156, 0.061647863321132465, 55.39682286031319, 0, 0.06164786331954891, 90.0, 0, -0.004178074132240403, 0",
        "10, 3082.9938197918236, -7.84759310691821E-5, 56.21925144728793, 7.847593106093253E-5, 0.062135639380545525, 0, 0.004178074132240403, 0, 0"})
    void theFinalStateIsFrozen(String id, double altitude, double longitude, double vDown, double roll, double pitch, double yaw,
                               double p, double q, double r) {
        SixDofCase c = SixDofCaseFile.read(Path.of("../../examples/sixdof/nesc-case" + id + ".json"));
        List<SixDofSample> samples = c.fly(new NullProgressMonitor()).samples();
        SixDofSample last = samples.get(samples.size() - 1);
        assertEquals(altitude, last.altitudeM(), 1e-6);
        assertEquals(longitude, last.longitudeDeg(), 1e-12);
        assertEquals(vDown, last.velocityNedMS().getZ(), 1e-7);
        assertEquals(roll, last.rollDeg(), 1e-6);
        assertEquals(pitch, last.pitchDeg(), 1e-6);
        assertEquals(yaw, last.yawDeg(), 1e-6);
        assertEquals(p, last.bodyRatesInertialDegS().getX(), 1e-7);
        assertEquals(q, last.bodyRatesInertialDegS().getY(), 1e-7);
        assertEquals(r, last.bodyRatesInertialDegS().getZ(), 1e-7);
    }

    private static double floor(String quantity) {
        if (quantity.equals("latitude_deg") || quantity.equals("longitude_deg")) {
            return FLOOR_M / METRES_PER_DEG;
        }
        if (quantity.endsWith("_deg_s")) {
            return FLOOR_DEG_S;
        }
        if (quantity.endsWith("_deg")) {
            return FLOOR_DEG;
        }
        return quantity.endsWith("_m_s") ? FLOOR_M_S : FLOOR_M;
    }

    static List<Map<String, Double>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<Map<String, Double>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Double> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], Double.parseDouble(cells[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Double> spread(Path file, String which) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int column = header.indexOf(which);
        Map<String, Double> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            out.put(cells[0], Double.parseDouble(cells[column]));
        }
        return out;
    }
}

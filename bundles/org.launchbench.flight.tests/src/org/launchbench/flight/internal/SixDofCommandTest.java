package org.launchbench.flight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.cli.CommandRun;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.ForceModelProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code launchbench sixdof}, as the DS service the command line finds. */
class SixDofCommandTest {

    private static final Path CASE_01 = Path.of("../../examples/sixdof/nesc-case01.json");

    @TempDir
    Path dir;

    private static String run(String... args) throws Exception {
        CommandRun r = CommandRun.of(FrameworkUtil.getBundle(SixDofCommandTest.class).getBundleContext(), "sixdof", args);
        assertEquals(ExitCode.OK, r.code(), r.err());
        return r.out() + r.err();
    }

    @Test
    void theCsvHasTheDocumentedColumnsFirstAndASampleEveryOutputStep() throws Exception {
        Path csv = dir.resolve("case01.csv");
        run(CASE_01.toString(), "--csv", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("t_s,latitude_deg,longitude_deg,altitude_m,v_north_m_s,v_east_m_s,v_down_m_s,"
            + "roll_deg,pitch_deg,yaw_deg,p_deg_s,q_deg_s,r_deg_s,"), lines.get(0));
        assertEquals(62, lines.size());
        // NASA's median at 30 s (nesc/case01/reference.csv): altitude 4754.546 m
        String[] last = lines.get(61).split(",");
        assertEquals(30.0, Double.parseDouble(last[0]), 1e-12);
        assertEquals(4754.546, Double.parseDouble(last[3]), 0.01);
    }

    @Test
    void jsonHasTheSamplesWithTheCsvKeys() throws Exception {
        JsonObject doc = JsonParser.parseString(run(CASE_01.toString(), "--json")).getAsJsonObject();
        assertEquals("duration", doc.get("end").getAsString());
        var samples = doc.getAsJsonArray("samples");
        assertEquals(61, samples.size());
        JsonObject first = samples.get(0).getAsJsonObject();
        assertEquals(SixDofCommand.COLUMNS, List.copyOf(first.keySet()));
        assertEquals(9144.0, first.get("altitude_m").getAsDouble(), 1e-6);
    }

    @Test
    void aSphereDroppedFromLowAltitudeStopsAtTheGround() throws Exception {
        String text = BASE.replace("9144.0", "100.0");
        Path file = dir.resolve("low.json");
        Files.writeString(file, text);
        JsonObject doc = JsonParser.parseString(run(file.toString(), "--json")).getAsJsonObject();
        assertEquals("ground", doc.get("end").getAsString());
        var samples = doc.getAsJsonArray("samples");
        JsonObject last = samples.get(samples.size() - 1).getAsJsonObject();
        assertEquals(0, last.get("altitude_m").getAsDouble(), 1e-3);
        // free fall from 100 m in vacuum-like conditions (no drag in case 01): t = sqrt(2 h / g) = 4.52 s at g = 9.79
        assertEquals(Math.sqrt(2 * 100 / 9.79), last.get("t_s").getAsDouble(), 0.01);
    }

    /** A valid case (NASA's case 01 sphere), one line, for the bad-input variations below. */
    private static final String BASE = "{\"mass_kg\": 14.5939029, \"inertia_kg_m2\": [[4.880945, 0, 0], [0, 4.880945, 0], [0, 0, 4.880945]], "
        + "\"reference_area_m2\": 0.018241465, \"aerodynamics\": {}, \"initial\": {\"latitude_deg\": 0, \"longitude_deg\": 0, "
        + "\"altitude_m\": 9144.0, \"velocity_ned_m_s\": [0, 0, 0], \"euler_deg\": [0, 0, 0], \"body_rates_deg_s\": [0, 0, 0], "
        + "\"body_rates_frame\": \"inertial\"}, \"earth\": \"wgs84-j2-rotating\", \"atmosphere\": \"ussa76\", \"duration_s\": 30, "
        + "\"output_step_s\": 0.5}";

    @Test
    void theBaseCaseOfTheBadInputTestsIsValid() throws Exception {
        Path file = dir.resolve("base.json");
        Files.writeString(file, BASE);
        assertTrue(run(file.toString()).contains("ended at the case's duration"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown key|\"mass_kg\": 14.5939029,|\"mass_kg\": 14.5939029, \"colour\": 1,|colour",
        "a wrong type|\"mass_kg\": 14.5939029,|\"mass_kg\": \"heavy\",|mass_kg",
        "a negative mass|\"mass_kg\": 14.5939029,|\"mass_kg\": -1,|mass_kg",
        "NaN, which JSON has not|\"mass_kg\": 14.5939029,|\"mass_kg\": NaN,|line 1, column 13",
        "a duplicate key|\"mass_kg\": 14.5939029,|\"mass_kg\": 14.5939029, \"mass_kg\": 1,|mass_kg\" twice",
        "a comment|\"mass_kg\": 14.5939029,|\"mass_kg\": 14.5939029, // one slug|a comment",
        "a trailing comma|\"output_step_s\": 0.5}|\"output_step_s\": 0.5,}|where a key was expected",
        "a step longer than the flight|\"output_step_s\": 0.5|\"output_step_s\": 31|output_step_s",
        "an unknown Earth|\"earth\": \"wgs84-j2-rotating\"|\"earth\": \"flat\"|earth",
        "an unknown rate frame|\"body_rates_frame\": \"inertial\"|\"body_rates_frame\": \"body\"|initial.body_rates_frame",
        "a latitude off the globe|\"latitude_deg\": 0,|\"latitude_deg\": 91,|initial.latitude_deg",
        "a start below the ellipsoid|\"altitude_m\": 9144.0|\"altitude_m\": -5|initial.altitude_m",
        "a null for a value|\"earth\": \"wgs84-j2-rotating\"|\"earth\": null|earth",
        "a two-element vector|\"velocity_ned_m_s\": [0, 0, 0]|\"velocity_ned_m_s\": [0, 0]|initial.velocity_ned_m_s",
        "a missing key|\"duration_s\": 30, |''|duration_s",
        "drag without an area|\"reference_area_m2\": 0.018241465, \"aerodynamics\": {}|\"aerodynamics\": {\"CD\": 0.3}|reference_area_m2"})
    void badInputIsOneLineNamingTheKey(String what, String from, String to, String element) throws IOException {
        assertTrue(BASE.contains(from), from);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, BASE.replace(from, to));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(file.toString()), what);
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith(file.toString()), message);
        assertTrue(message.contains(element), what + ": " + message);
        assertFalse(message.matches(".*(Exception|gson|http).*"), message);
    }

    @Test
    void anInertiaNoBodyCanHaveIsRefusedWithTheReason() throws IOException {
        Path file = dir.resolve("inertia.json");
        Files.writeString(file, BASE.replace("[[4.880945, 0, 0], [0, 4.880945, 0], [0, 0, 4.880945]]", "[[1, 0, 0], [0, 1, 0], [0, 0, 3]]"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(file.toString()));
        assertEquals("inertia_kg_m2", e.element());
        assertTrue(e.getMessage().contains("not a physical body"), e.getMessage());
    }

    @Test
    void aMissingFileAndAFolderAreBadInput() {
        assertThrows(InvalidInputException.class, () -> run(dir.resolve("none.json").toString()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(dir.toString()));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void aCsvThatWouldOverwriteTheCaseFileIsRefused() throws IOException {
        Path file = dir.resolve("case.json");
        Files.writeString(file, BASE);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(file.toString(), "--csv", file.toString()));
        assertEquals("--csv", e.source());
        assertEquals(BASE, Files.readString(file));
    }

    @Test
    void theTableNeverPrintsANegativeZero() throws Exception {
        Path file = dir.resolve("case.json");
        Files.writeString(file, BASE);
        String table = run(file.toString());
        assertFalse(table.matches("(?s).*(?<![0-9.])-0\\.0+(?![0-9]).*"), table);
    }

    @Test
    void aCatalogStageLandsUnderTheReferenceLoopWithItsActuatorsInTheSamples() throws Exception {
        JsonObject doc = JsonParser.parseString(run("../../examples/sixdof/falcon9-booster-landing.json", "--json")).getAsJsonObject();
        assertEquals("ground", doc.get("end").getAsString());
        assertTrue(doc.getAsJsonArray("notes").toString().contains("not the recovery guidance"), doc.get("notes").toString());
        var samples = doc.getAsJsonArray("samples");
        JsonObject last = samples.get(samples.size() - 1).getAsJsonObject();
        // the same flight as StagePlantTest's: 1.74 m/s down at touchdown
        assertEquals(1.741, last.get("v_down_m_s").getAsDouble(), 0.001);
        double burning = 0;
        double gimbal = 0;
        for (var e : samples) {
            burning = Math.max(burning, e.getAsJsonObject().get("thrust_fraction").getAsDouble());
            gimbal = Math.max(gimbal, e.getAsJsonObject().get("gimbal_max_deg").getAsDouble());
        }
        // one engine of nine lit: the mean thrust fraction is at most 1/9
        assertTrue(burning > 0.05 && burning <= 1 / 9.0 + 1e-12, "thrust fraction " + burning);
        assertTrue(gimbal > 0 && gimbal <= 5 + 1e-9, "gimbal within its 5° range: " + gimbal);
    }

    @Test
    void aStagesTableShowsItsActuators() throws Exception {
        String table = run("../../examples/sixdof/falcon9-booster-landing.json");
        assertTrue(table.lines().anyMatch(l -> l.contains("THRUST") && l.contains("GIMB deg")), table);
    }

    @Test
    void aFallingStageWithoutControlTurnsEnginesFirstOnItsOwn() throws Exception {
        // 10° off engines-first at 30 km: the centre of pressure above the centre of mass (fins at the top) turns it back
        JsonObject doc = JsonParser.parseString(run("../../examples/sixdof/falcon9-booster-falling.json", "--json")).getAsJsonObject();
        var samples = doc.getAsJsonArray("samples");
        double start = samples.get(0).getAsJsonObject().get("pitch_deg").getAsDouble();
        double maxAlpha = 0;
        for (int i = samples.size() / 2; i < samples.size(); i++) {
            JsonObject e = samples.get(i).getAsJsonObject();
            maxAlpha = Math.max(maxAlpha, Math.abs(180 - Math.abs(e.get("alpha_deg").getAsDouble())));
        }
        assertEquals(80, start, 1e-9);
        assertTrue(maxAlpha < 10, "the second half flies within 10° of engines-first: " + maxAlpha);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown vehicle|\"vehicle\": \"falcon-9\"|\"vehicle\": \"falcon-99\"|stage.vehicle",
        "an unknown stage|\"stage_id\": \"stage-1\"|\"stage_id\": \"stage-3\"|stage.stage_id",
        "no stage named|\"stage_id\": \"stage-1\", |''|stage.stage_id: is missing",
        "more propellant than the stage holds|\"propellant_kg\": 5000|\"propellant_kg\": 5e6|stage.propellant_kg",
        "an unknown control|\"control\": \"reference-landing\"|\"control\": \"autopilot\"|stage.control",
        "a sample between control periods|\"output_step_s\": 0.5|\"output_step_s\": 0.505|output_step_s",
        "a body's key in a stage case|\"duration_s\": 120|\"duration_s\": 120, \"mass_kg\": 1|mass_kg"})
    void badStageCasesAreOneLineNamingTheKey(String what, String from, String to, String element) throws IOException {
        String text = Files.readString(Path.of("../../examples/sixdof/falcon9-booster-landing.json"));
        assertTrue(text.contains(from), from);
        Path file = dir.resolve("stage.json");
        Files.writeString(file, text.replace(from, to));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(file.toString()), what);
        assertTrue(e.getMessage().contains(element), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aThirdPartysForceModelFliesThroughItsService() throws Exception {
        // a provider pushing the case-01 sphere along its body x axis (north, held inertially fixed: the sphere does
        // not rotate) with 10 N: over 30 s it gains 10 / 14.5939 x 30 = 20.557 m/s along it. The local north it is
        // reported in tilts by the 300 m travelled north (4.7e-5 rad), so some 0.014 m/s of the 293 m/s descent shows
        // in it too: 0.02 m/s is allowed
        ForceModelProvider push = new ForceModelProvider() {
            @Override
            public String name() {
                return "test-push";
            }

            @Override
            public java.util.Optional<org.launchbench.flight.ForceModel> modelFor(BodyDescription body) {
                return body.name().contains("check-case 01")
                    ? java.util.Optional.of((c, loads) -> loads.addForceBody(new org.hipparchus.geometry.euclidean.threed.Vector3D(10, 0, 0)))
                    : java.util.Optional.empty();
            }
        };
        BundleContext context = FrameworkUtil.getBundle(SixDofCommandTest.class).getBundleContext();
        ServiceRegistration<ForceModelProvider> registration = context.registerService(ForceModelProvider.class, push, null);
        try {
            JsonObject doc = JsonParser.parseString(run(CASE_01.toString(), "--json")).getAsJsonObject();
            assertTrue(doc.getAsJsonArray("notes").toString().contains("test-push"), doc.get("notes").toString());
            var samples = doc.getAsJsonArray("samples");
            JsonObject last = samples.get(samples.size() - 1).getAsJsonObject();
            assertEquals(10 / 14.5939029 * 30, last.get("v_north_m_s").getAsDouble(), 0.02);
            // the case-03 brick is not its business
            JsonObject brick = JsonParser.parseString(run("../../examples/sixdof/nesc-case03.json", "--json")).getAsJsonObject();
            assertEquals("[]", brick.getAsJsonArray("notes").toString());
        } finally {
            registration.unregister();
        }
        JsonObject after = JsonParser.parseString(run(CASE_01.toString(), "--json")).getAsJsonObject();
        var samples = after.getAsJsonArray("samples");
        assertEquals(0, samples.get(samples.size() - 1).getAsJsonObject().get("v_north_m_s").getAsDouble(), 1e-6);
    }

    @Test
    void aCsvPathThatIsAFolderIsRefusedBeforeTheFlight() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(CASE_01.toString(), "--csv", dir.toString()));
        assertEquals("--csv", e.source());
    }
}

package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.product.tests.InstalledProduct.Run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

/** The product's command line, headless, through the start script (issue #2's acceptance checks). */
class CommandLineTest {

    @Test
    void helpListsTheCommandsWithoutADisplay() throws Exception {
        Run r = InstalledProduct.run("help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n  help "), r.out());
        assertTrue(r.out().contains("\n  version "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void versionJsonIsExactlyOneJsonDocumentNamingTheInstalledBundles() throws Exception {
        Run r = InstalledProduct.run("version", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonReader reader = new JsonReader(new java.io.StringReader(r.out()));
        JsonObject doc = JsonParser.parseReader(reader).getAsJsonObject();
        assertEquals(com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek(), "nothing after the document");

        String cliJar;
        try (Stream<java.nio.file.Path> plugins = Files.list(InstalledProduct.HOME.resolve("plugins"))) {
            cliJar = plugins.map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("org.launchbench.cli_")).findFirst().orElseThrow();
        }
        String installedVersion = cliJar.substring("org.launchbench.cli_".length(), cliJar.length() - ".jar".length());
        assertEquals(installedVersion, doc.get("version").getAsString());

        List<String> names = new ArrayList<>();
        for (JsonElement b : doc.getAsJsonArray("bundles")) {
            names.add(b.getAsJsonObject().get("symbolic_name").getAsString());
        }
        assertTrue(names.containsAll(List.of("org.launchbench.cli", "org.launchbench.core")), names.toString());
        assertEquals("bundled (UTC-TAI.history)", doc.get("orekit_data").getAsString());
    }

    @Test
    void anUnknownCommandExitsTwoWithOneClearLine() throws Exception {
        Run r = InstalledProduct.run("no-such-command");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("launchbench: no-such-command: unknown command"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void anUnknownOptionExitsTwo() throws Exception {
        Run r = InstalledProduct.run("version", "--jsno");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--jsno: unknown option"), r.err());
    }

    @Test
    void aCommandsHelpIsItsUsage() throws Exception {
        Run r = InstalledProduct.run("version", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: launchbench version [--json]"), r.out());
    }

    @Test
    void aMissingOrekitDataFolderIsBadInput() throws Exception {
        Run r = InstalledProduct.run("--orekit-data", "/nonexistent/orekit-data", "version");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--orekit-data: /nonexistent/orekit-data: does not exist"), r.err());
    }

    @Test
    void equinoxLogsNothingOnStandardOutput() throws IOException, InterruptedException {
        // a CLI whose --json output scripts parse must not share stdout with framework log messages
        Run r = InstalledProduct.run("help", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(JsonParser.parseString(r.out()).isJsonArray());
    }

    private static final java.nio.file.Path EXAMPLES =
        java.nio.file.Path.of(System.getProperty("launchbench.examples.dir", "../../examples")).toAbsolutePath().normalize();

    @Test
    void theShippedVehiclesAreInTheCatalog() throws Exception {
        Run r = InstalledProduct.run("vehicles", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> ids = new ArrayList<>();
        for (JsonElement v : JsonParser.parseString(r.out()).getAsJsonArray()) {
            ids.add(v.getAsJsonObject().get("id").getAsString());
        }
        assertEquals(List.of("ceres-1", "falcon-9", "gravity-1", "zhuque-2", "zhuque-3"), ids);
        assertEquals("", r.err(), "no catalog problems");
    }

    @Test
    void theExampleMissionsAreValid() throws Exception {
        for (String m : List.of("zhuque3-y1-downrange.mission", "ceres1-yunyao-sso.mission")) {
            Run r = InstalledProduct.run("validate", EXAMPLES.resolve("missions").resolve(m).toString());
            assertEquals(0, r.exitCode(), m + ": " + r.out() + r.err());
        }
    }

    @Test
    void aHandEditedFileWithATypoIsOneLineAndExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("typo.vehicle");
        Files.writeString(f, Files.readString(EXAMPLES.resolve("thirdparty-vehicle/com.acme.launchbench.vehicles/model/skylark.vehicle"))
            .replace("dryMass=\"2500\"", "dryMas=\"2500\""));
        Run r = InstalledProduct.run("validate", f.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("dryMas: unknown element or attribute of Stage"), r.err());
    }

    @Test
    void simulateFliesTheFalcon9ExampleIntoItsTargetOrbit() throws Exception {
        Run r = InstalledProduct.run("simulate", EXAMPLES.resolve("missions/falcon9-leo-asds.mission").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject orbit = doc.getAsJsonObject("orbit");
        JsonObject target = doc.getAsJsonObject("target");
        // the guidance converges to metres; 1 km and 0.05 deg leave room for the pitch-over solve
        assertEquals(target.get("perigee_km").getAsDouble(), orbit.get("perigee_km").getAsDouble(), 1.0);
        assertEquals(target.get("apogee_km").getAsDouble(), orbit.get("apogee_km").getAsDouble(), 1.0);
        assertEquals(28.6, orbit.get("inclination_deg").getAsDouble(), 0.05);
        assertTrue(orbit.has("raan_deg"));
        assertEquals(15000.0, doc.get("payload_kg").getAsDouble());
        List<String> names = new ArrayList<>();
        for (JsonElement e : doc.getAsJsonArray("events")) {
            JsonObject o = e.getAsJsonObject();
            for (String key : List.of("name", "time_s", "altitude_m", "speed_m_s", "downrange_m")) {
                assertTrue(o.has(key), key + " in " + o);
            }
            names.add(o.get("name").getAsString());
        }
        assertEquals(List.of("liftoff", "max-q", "meco", "stage-separation", "stage-2-ignition", "fairing-jettison",
            "orbit-insertion", "payload-separation"), names);
        assertEquals("direct", doc.getAsJsonObject("insertion").get("mode").getAsString());
        // a cycle every 2 s of a second-stage burn of several minutes
        assertTrue(doc.get("guidance_cycles").getAsInt() > 100, doc.get("guidance_cycles").toString());
        JsonObject errors = doc.getAsJsonObject("insertion_errors");
        assertEquals(0, errors.get("perigee_km").getAsDouble(), 1.0);
        JsonObject separated = doc.getAsJsonObject("orbit_at_payload_separation");
        assertTrue(separated.get("time_s").getAsDouble() > doc.getAsJsonArray("events").get(6).getAsJsonObject().get("time_s").getAsDouble());
        assertEquals(0, doc.getAsJsonArray("notes").size());
        JsonObject booster = doc.getAsJsonObject("booster");
        List<String> boosterEvents = new ArrayList<>();
        booster.getAsJsonArray("events").forEach(e -> boosterEvents.add(e.getAsJsonObject().get("name").getAsString()));
        assertEquals(List.of("booster-apogee", "booster-max-q", "booster-impact"), boosterEvents);
        assertTrue(booster.getAsJsonObject("impact").get("downrange_m").getAsDouble() > 100_000, booster.toString());
        // the acceptance: the nominal recovery lands within 1 m of the target at under 2 m/s
        JsonObject recovery = doc.getAsJsonObject("recovery");
        assertEquals("landed", recovery.get("outcome").getAsString(), recovery.toString());
        assertTrue(recovery.get("miss_distance_m").getAsDouble() < 1, recovery.toString());
        assertTrue(recovery.get("touchdown_vertical_speed_m_s").getAsDouble() < 2, recovery.toString());
        assertTrue(recovery.get("touchdown_horizontal_speed_m_s").getAsDouble() < 2, recovery.toString());
        assertTrue(recovery.get("propellant_remaining_kg").getAsDouble() > 0, recovery.toString());
        List<String> burns = new ArrayList<>();
        for (JsonElement b : recovery.getAsJsonArray("burns")) {
            JsonObject o = b.getAsJsonObject();
            for (String key : List.of("ignition_time_s", "ignition_altitude_m", "duration_s", "propellant_kg")) {
                assertTrue(o.has(key), key + " in " + o);
            }
            burns.add(o.get("name").getAsString());
        }
        assertEquals(List.of("entry", "landing"), burns);
    }

    /**
     * A small campaign through the start script: the same seed gives the same statistics on one thread and on two,
     * the CSV has a line per run, and bad input (no run count, an unknown error name, an expendable mission) is exit 2.
     */
    @Test
    void dispersionIsReproducibleAndRefusesBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String mission = EXAMPLES.resolve("missions/falcon9-leo-asds.mission").toString();
        java.nio.file.Path csv = dir.resolve("runs.csv");
        Run one = InstalledProduct.run("dispersion", mission, "-n", "4", "--seed", "9", "--threads", "1", "--json", "--csv", csv.toString());
        assertEquals(0, one.exitCode(), one.err());
        Run two = InstalledProduct.run("dispersion", mission, "-n", "4", "--seed", "9", "--threads", "2", "--json");
        assertEquals(0, two.exitCode(), two.err());
        JsonObject a = JsonParser.parseString(one.out()).getAsJsonObject();
        JsonObject b = JsonParser.parseString(two.out()).getAsJsonObject();
        for (String key : List.of("landed", "success_probability", "miss_distance_m", "ellipses_m", "propellant_remaining_kg")) {
            assertEquals(a.get(key), b.get(key), key);
        }
        assertEquals(4, a.get("landed").getAsInt(), a.toString());
        assertTrue(a.getAsJsonObject("miss_distance_m").get("r95").getAsDouble() < 10, a.toString());
        assertEquals(5, Files.readAllLines(csv).size());
        Run noCount = InstalledProduct.run("dispersion", mission);
        assertEquals(2, noCount.exitCode());
        assertTrue(noCount.err().contains("-n"), noCount.err());
        Run badSigma = InstalledProduct.run("dispersion", mission, "-n", "2", "--sigma", "gusts=3");
        assertEquals(2, badSigma.exitCode());
        assertTrue(badSigma.err().contains("gusts") && badSigma.err().contains("wind_m_s"), badSigma.err());
        Run expendable = InstalledProduct.run("dispersion", EXAMPLES.resolve("missions/ceres1-yunyao-sso.mission").toString(), "-n", "2");
        assertEquals(2, expendable.exitCode());
        assertTrue(expendable.err().contains("expendable"), expendable.err());
    }

    /** The anomaly example crashes near the ship, exit 1 with the reason; without its scenario the same flight lands. */
    @Test
    void theLandingAnomalyExampleCrashesNearTheShip() throws Exception {
        String mission = EXAMPLES.resolve("missions/falcon9-asds-landing-anomaly.mission").toString();
        Run r = InstalledProduct.run("simulate", mission, "--json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("the first stage crashed"), r.err());
        JsonObject recovery = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("recovery");
        assertEquals("crashed", recovery.get("outcome").getAsString());
        assertEquals("landing-thrust-shortfall", recovery.getAsJsonArray("scenarios").get(0).getAsString());
        assertTrue(recovery.get("miss_distance_m").getAsDouble() < 500, recovery.toString());
        Run nominal = InstalledProduct.run("simulate", mission, "--json", "--scenario", "none");
        assertEquals(0, nominal.exitCode(), nominal.err());
        Run wrong = InstalledProduct.run("simulate", mission, "--scenario", "engine-fire");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("landing-thrust-shortfall"), wrong.err());
    }

    /**
     * Every shipped example mission reaches its orbit, each with the insertion its vehicle calls for: Zhuque-3's
     * restartable second stage through a parking orbit, Ceres-1's hydrazine kick stage after a coast to apogee,
     * Gravity-1's solid third stage directly, burning to depletion and wasting the excess by steering.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"zhuque3-y1-downrange, parking, 0, 0.05, landed", "zhuque3-y1-landing-anomaly, parking, 0, 0.05, crashed",
        "ceres1-yunyao-sso, coast, 0, 0.05, expended", "gravity1-haiyang-sso, direct, 0, 0.05, expended"})
    void everyExampleMissionReachesItsOrbit(String mission, String insertion, int notes, double inclinationTolerance, String recovery)
        throws Exception {
        Run r = InstalledProduct.run("simulate", EXAMPLES.resolve("missions/" + mission + ".mission").toString(), "--json");
        assertEquals(recovery.equals("crashed") ? 1 : 0, r.exitCode(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject landing = doc.getAsJsonObject("recovery");
        assertEquals(recovery, landing.get("outcome").getAsString(), landing.toString());
        if (recovery.equals("landed")) {
            // the acceptance: within 1 m of the target at under 2 m/s
            assertTrue(landing.get("miss_distance_m").getAsDouble() < 1, landing.toString());
            assertTrue(landing.get("touchdown_vertical_speed_m_s").getAsDouble() < 2, landing.toString());
            assertTrue(landing.get("touchdown_horizontal_speed_m_s").getAsDouble() < 2, landing.toString());
            assertEquals(3000, landing.getAsJsonArray("burns").get(2).getAsJsonObject().get("ignition_altitude_m").getAsDouble(), 1,
                "Y1's landing burn was lit about 3 km up");
        } else if (recovery.equals("crashed")) {
            // Y1's booster came down about 40 m from the pad centre after an abnormal landing burn
            assertTrue(landing.get("miss_distance_m").getAsDouble() < 100, landing.toString());
        }
        assertEquals(insertion, doc.getAsJsonObject("insertion").get("mode").getAsString());
        JsonObject orbit = doc.getAsJsonObject("orbit");
        JsonObject target = doc.getAsJsonObject("target");
        assertEquals(target.get("perigee_km").getAsDouble(), orbit.get("perigee_km").getAsDouble(), 1.0);
        assertEquals(target.get("apogee_km").getAsDouble(), orbit.get("apogee_km").getAsDouble(), 1.0);
        assertEquals(target.get("inclination_deg").getAsDouble(), orbit.get("inclination_deg").getAsDouble(), inclinationTolerance);
        assertEquals(notes, doc.getAsJsonArray("notes").size(), doc.getAsJsonArray("notes").toString());
    }

    @Test
    void anUnknownInsertionIsBadInput() throws Exception {
        Run r = InstalledProduct.run("simulate", EXAMPLES.resolve("missions/falcon9-leo-asds.mission").toString(), "--insertion",
            "sideways");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("sideways") && r.err().contains("auto, direct, parking, coast"), r.err());
    }

    @Test
    void anOrbitTheVehicleCannotReachIsExitOneWithTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path m = dir.resolve("too-far.mission");
        Files.writeString(m, Files.readString(EXAMPLES.resolve("missions/falcon9-leo-asds.mission"))
            .replace("apogeeAltitude=\"200000\"", "apogeeAltitude=\"30000000\""));
        Run r = InstalledProduct.run("simulate", m.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("runs out of propellant") || r.err().contains("did not converge"), r.err());
    }

    @Test
    void aRecoveryReserveLargerThanTheStagesPropellantIsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path m = dir.resolve("greedy.mission");
        Files.writeString(m, Files.readString(EXAMPLES.resolve("missions/zhuque3-y1-downrange.mission"))
            .replace("propellantReserve=\"50000\"", "propellantReserve=\"500000\""));
        Run r = InstalledProduct.run("simulate", m.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("recovery/propellantReserve") && r.err().contains("500000"), r.err());
    }

    @Test
    void simulateOfAMissionWithAnUnknownVehicleIsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path m = dir.resolve("unknown.mission");
        Files.writeString(m, Files.readString(EXAMPLES.resolve("missions/falcon9-leo-asds.mission")).replace("falcon-9", "falcon-99"));
        Run r = InstalledProduct.run("simulate", m.toString(), "--json");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("vehicleId = falcon-99: no such vehicle"), r.err());
    }

    /**
     * {@code descent} through the start script: the shipped Mars example (Açıkmeşe and Ploen 2007, 399.5 kg
     * published at 81 s; the OSGi tests check it closely) solves with exit 0; a lander without enough propellant is
     * exit 1 with one line; a misspelt key is exit 2 naming it.
     */
    @Test
    void descentSolvesTheMarsExampleAndReportsInfeasibleAndBadProblems(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws Exception {
        java.nio.file.Path mars = EXAMPLES.resolve("descent/mars-acikmese-ploen-2007.json");
        Run ok = InstalledProduct.run("descent", mars.toString(), "--json");
        assertEquals(0, ok.exitCode(), ok.err());
        JsonObject doc = JsonParser.parseString(ok.out()).getAsJsonObject();
        assertEquals("optimal", doc.get("status").getAsString());
        assertEquals(399.5, doc.get("propellant_kg").getAsDouble(), 2.5);

        java.nio.file.Path heavy = dir.resolve("heavy.json");
        Files.writeString(heavy, Files.readString(mars).replace("\"dry_mass_kg\": 1505", "\"dry_mass_kg\": 1850"));
        Run infeasible = InstalledProduct.run("descent", heavy.toString());
        assertEquals(1, infeasible.exitCode(), infeasible.out() + infeasible.err());
        assertEquals(1, infeasible.err().lines().count(), infeasible.err());

        java.nio.file.Path typo = dir.resolve("typo.json");
        Files.writeString(typo, Files.readString(mars).replace("\"nodes\"", "\"node\""));
        Run bad = InstalledProduct.run("descent", typo.toString());
        assertEquals(2, bad.exitCode());
        assertEquals("", bad.out());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("node"), bad.err());
    }

    /**
     * {@code constellation plan} through the start script: every shipped constellation example plans with exit 0
     * (the SSO fleet's Ceres-1 payload through the trajectory engine's payload query), the 12,960-satellite one with
     * its per-satellite CSV; a spec whose T/P/F is inconsistent is exit 2 with one line naming it.
     */
    @Test
    void constellationExamplesPlanAndABadPatternIsExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (String spec : List.of("sso-earth-observation-fleet", "six-per-launch-meteorological", "thirty-per-launch-sea")) {
            Run r = InstalledProduct.run("constellation", "plan", EXAMPLES.resolve("constellations/" + spec + ".json").toString(), "--json");
            assertEquals(0, r.exitCode(), spec + ": " + r.err());
            JsonObject totals = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("totals");
            assertTrue(totals.get("launches").getAsInt() >= totals.get("satellites").getAsInt() / 30, totals.toString());
        }
        java.nio.file.Path mega = EXAMPLES.resolve("constellations/mega-constellation.json");
        java.nio.file.Path csv = dir.resolve("mega.csv");
        Run r = InstalledProduct.run("constellation", "plan", mega.toString(), "--json", "--csv", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(12_960, doc.getAsJsonObject("totals").get("satellites").getAsInt());
        assertEquals(108, doc.getAsJsonArray("planes").size());
        assertEquals(12_961, Files.readAllLines(csv).size());
        java.nio.file.Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(mega).replace("\"planes\": 108", "\"planes\": 107"));
        Run wrong = InstalledProduct.run("constellation", "plan", bad.toString());
        assertEquals(2, wrong.exitCode());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("12960/107/1"), wrong.err());
    }
}

package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The vehicles, vehicle show and validate commands, as registered DS services in the running framework. */
class VehicleCommandsTest {

    private final BundleContext context = FrameworkUtil.getBundle(VehicleCommandsTest.class).getBundleContext();
    private Bundle installed;

    private record Run(int code, String out, String err) {
    }

    private Run run(String command, String... args) throws Exception {
        CommandRun r = CommandRun.of(context, command, args);
        return new Run(r.code(), r.out(), r.err());
    }

    @AfterEach
    void uninstall() throws Exception {
        if (installed != null) {
            installed.uninstall();
        }
    }

    private void installTestRocket(Path dir) throws Exception {
        Path f = dir.resolve("cmd.vehicle");
        LaunchVehicle v = TestModels.vehicle();
        v.setId("cmd-rocket");
        ModelFiles.save(v, f);
        installed = TestBundles.install(context, "test.vehicles.commands",
            TestBundles.catalogPluginXml("<vehicle file=\"model/cmd.vehicle\"/>"), Map.of("model/cmd.vehicle", Files.readString(f)));
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(installed));
        for (int i = 0; i < 100 && !run("vehicles", "--json").out.contains("cmd-rocket"); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void vehiclesJsonListsTheContributedVehicleWithItsFigures(@TempDir Path dir) throws Exception {
        installTestRocket(dir);
        Run r = run("vehicles", "--json");
        assertEquals(ExitCode.OK, r.code);
        JsonObject rocket = null;
        for (JsonElement e : JsonParser.parseString(r.out).getAsJsonArray()) {
            if (e.getAsJsonObject().get("id").getAsString().equals("cmd-rocket")) {
                rocket = e.getAsJsonObject();
            }
        }
        assertEquals("test.vehicles.commands", rocket.get("bundle").getAsString());
        assertEquals(2, rocket.get("stages").getAsInt());
        assertEquals(528_000.0, rocket.get("liftoff_mass_kg").getAsDouble());
        assertEquals(1.391, rocket.get("liftoff_thrust_to_weight").getAsDouble(), 1e-9, "1.3905 rounded to 3 decimals");
    }

    @Test
    void vehicleShowGivesPerStageFigures(@TempDir Path dir) throws Exception {
        installTestRocket(dir);
        Run r = run("vehicle show", "cmd-rocket", "--json");
        assertEquals(ExitCode.OK, r.code, r.err);
        JsonObject doc = JsonParser.parseString(r.out).getAsJsonObject();
        JsonArray stages = doc.getAsJsonArray("stages");
        assertEquals(2, stages.size());
        JsonObject s1 = stages.get(0).getAsJsonObject();
        assertEquals("9 x BOOSTER-ENGINE", s1.get("engines").getAsString());
        assertEquals(4214.4, s1.get("delta_v_vacuum_m_s").getAsDouble(), 1e-9);
        assertEquals(148.6, s1.get("burn_time_s").getAsDouble(), 1e-9);
        assertTrue(stages.get(1).getAsJsonObject().get("delta_v_sea_level_m_s").isJsonNull());
    }

    @Test
    void vehicleShowReadsAFileToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("file.vehicle");
        ModelFiles.save(TestModels.vehicle(), f);
        Run r = run("vehicle show", f.toString());
        assertEquals(ExitCode.OK, r.code, r.err);
        assertTrue(r.out.startsWith("Test Rocket (test-rocket)"), r.out);
    }

    @Test
    void vehicleShowOfAnUnknownIdIsBadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("vehicle show", "no-such-rocket"));
        assertEquals("no-such-rocket", e.value());
    }

    /** A mission with its vehicle and the test sites beside it, as a user's folder holds them; @return the mission file */
    private static Path folder(Path dir, LaunchVehicle vehicle, Mission mission) throws Exception {
        ModelFiles.save(vehicle, dir.resolve("rocket.vehicle"));
        ModelFiles.save(TestModels.sites(), dir.resolve("test.sites"));
        Path file = dir.resolve("flight.mission");
        ModelFiles.save(mission, file);
        return file;
    }

    @Test
    void validateOfACleanMissionExitsZero(@TempDir Path dir) throws Exception {
        Path mission = folder(dir, TestModels.vehicle(), TestModels.mission());
        Run r = run("validate", mission.toString());
        assertEquals(ExitCode.OK, r.code, r.out + r.err);
        assertEquals(mission + ": valid\n", r.out.replace("\r", ""));
    }

    @Test
    void validateListsEveryViolationAndExitsTwo(@TempDir Path dir) throws Exception {
        LaunchVehicle v = TestModels.vehicle();
        v.getStages().get(1).setDryMass(-5);
        v.getStages().get(0).getEngines().get(0).getEngine().setThrottleMin(1.5);
        Path file = dir.resolve("bad.vehicle");
        ModelFiles.save(v, file);
        Run r = run("validate", file.toString(), "--json");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        JsonObject doc = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(false, doc.get("valid").getAsBoolean());
        assertTrue(doc.getAsJsonArray("problems").size() >= 2, r.out);
        assertTrue(r.err.contains("is invalid"), r.err);
    }

    @Test
    void validateResolvesAMissionsVehicleBesideIt(@TempDir Path dir) throws Exception {
        Mission m = TestModels.mission();
        m.setVehicleId("no-such-rocket");
        Path mission = dir.resolve("flight.mission");
        ModelFiles.save(m, mission);
        ModelFiles.save(TestModels.sites(), dir.resolve("test.sites"));
        Run r = run("validate", mission.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertTrue(r.out.contains("vehicleId = no-such-rocket: no such vehicle"), r.out);
    }

    @Test
    void validateOfAMalformedFileIsBadInput(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.vehicle"), "<not-xml");
        assertThrows(InvalidInputException.class, () -> run("validate", f.toString()));
    }

    // issue 28: what validate accepted while the engines refused it or broke

    /** A mission's vehicle file beside it is checked too: a negative dry mass there made the mission "valid". */
    @Test
    void validateOfAMissionChecksTheVehicleFileBesideIt(@TempDir Path dir) throws Exception {
        LaunchVehicle v = TestModels.vehicle();
        v.getStages().get(0).setDryMass(-25_600);
        Path mission = folder(dir, v, TestModels.mission());
        Run r = run("validate", mission.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code, r.out);
        assertTrue(r.out.contains("rocket.vehicle: LaunchVehicle 'test-rocket' / Stage 'stage-1': dryMass = -25600"), r.out);
    }

    /** A broken file the mission does not use is a warning: it made every mission in the folder fail. */
    @Test
    void aBrokenUnrelatedFileBesideTheMissionIsAWarning(@TempDir Path dir) throws Exception {
        Path mission = folder(dir, TestModels.vehicle(), TestModels.mission());
        Files.writeString(dir.resolve("broken.vehicle"), "garbage<");
        Run r = run("validate", mission.toString());
        assertEquals(ExitCode.OK, r.code, r.out + r.err);
        assertTrue(r.out.contains("warning: beside the mission: skipped, it does not load: " + dir.resolve("broken.vehicle")), r.out);
    }

    /** Two target orbits: EMF kept the second silently and simulate flew it. */
    @Test
    void anElementGivenTwiceIsRefused(@TempDir Path dir) throws Exception {
        Path mission = dir.resolve("flight.mission");
        ModelFiles.save(TestModels.mission(), mission);
        String text = Files.readString(mission);
        int at = text.indexOf("<targetOrbit");
        String orbit = text.substring(at, text.indexOf("/>", at) + 2);
        Files.writeString(mission, text.replace(orbit, orbit + orbit.replace("inclination=\"", "inclination=\"1")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("validate", mission.toString()));
        assertTrue(e.userMessage().contains("Mission/targetOrbit: is given twice"), e.userMessage());
    }

    /**
     * NaN, infinities and absurd magnitudes are refused in every number of the model, with the field's own range where it
     * has one: the mission's reserve (NaN was "valid"; simulate refused it), an engine's thrust (1e308 broke vehicle show),
     * a drag coefficient (no range of its own), an epoch in the year 999,999,999 (simulate overflowed).
     */
    @Test
    void everyNumberIsFiniteAndEveryEpochIsInRange(@TempDir Path dir) throws Exception {
        Mission m = TestModels.mission();
        m.getRecovery().setPropellantReserve(Double.NaN);
        m.setEpoch("+999999999-06-01T12:00:00Z");
        Path mission = folder(dir, TestModels.vehicle(), m);
        Run r = run("validate", mission.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code, r.out);
        assertTrue(r.out.contains("propellantReserve = NaN: the recovery reserve must be propellant the first stage"), r.out);
        assertTrue(r.out.contains("epoch = +999999999-06-01T12:00:00Z") && r.out.contains("1961-01-01T00:00:00Z to"), r.out);

        LaunchVehicle v = TestModels.vehicle();
        v.getStages().get(0).getEngines().get(0).getEngine().setThrustVacuum(1e308);
        v.getStages().get(0).getDrag().getPoints().get(1).setCoefficient(Double.NaN);
        Path file = dir.resolve("big.vehicle");
        ModelFiles.save(v, file);
        r = run("validate", file.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code, r.out);
        assertTrue(r.out.contains("thrustVacuum = 1.0E308: beyond any engine built") && r.out.contains("(allowed: up to 100 MN)"), r.out);
        // a Mach point has no range of its own (its table's order is checked): the finite-number check holds
        assertTrue(r.out.contains("/ points[2]: coefficient = NaN") && r.out.contains("a finite number of magnitude below 1e12"), r.out);
    }

    /** vehicle show printed figures (an ideal 15,399 m/s) of a vehicle validate rejects, and exited 0. */
    @Test
    void vehicleShowOfAnInvalidVehicleIsBadInputInValidatesWords(@TempDir Path dir) throws Exception {
        LaunchVehicle v = TestModels.vehicle();
        v.getStages().get(0).setDryMass(-25_600);
        Path file = dir.resolve("bad.vehicle");
        ModelFiles.save(v, file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("vehicle show", file.toString()));
        assertTrue(e.userMessage().startsWith(file + ": LaunchVehicle 'test-rocket' / Stage 'stage-1'/dryMass = -25600: a stage has structure"),
            e.userMessage());
        assertThrows(InvalidInputException.class, () -> run("vehicle show", "test-rocket", "--payload", "1e308"));
    }
}

package org.launchbench.constellation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code launchbench constellation plan}, as the DS service the command line finds (with the real vehicle catalog):
 * the issue's keys, the CSV, and the bad input the issue lists.
 */
class ConstellationPlanCommandTest {

    /** Thirty per launch from the Yellow Sea: Gravity-1's 30-satellite dispenser, 4 planes of 30. */
    private static final String SEA = """
        {"name": "sea", "start_date": "2027-01-01",
         "constellation": {"pattern": "walker-delta", "satellites": 120, "planes": 4, "phasing": 1, "altitude_km": 500,
                           "inclination_deg": 50},
         "satellite": {"mass_kg": 100, "isp_s": 230},
         "strategy": {"kind": "direct"},
         "objective": "launches",
         "launchers": [{"vehicle": "gravity-1", "site": "haiyang-sea", "payload_kg": 4200, "cadence_days": 60,
                        "first_launch": "2027-03-01", "max_launches": 6}]}
        """;

    @TempDir
    Path dir;

    private int run(StringBuilder out, String... args) throws Exception {
        CommandRun r = CommandRun.of(FrameworkUtil.getBundle(ConstellationPlanCommandTest.class).getBundleContext(), "constellation plan", args);
        out.append(r.out());
        return r.code();
    }

    private Path spec(String json) throws Exception {
        Path f = dir.resolve("spec.json");
        Files.writeString(f, json);
        return f;
    }

    /** 30 satellites of 100 kg fit the dispenser's 30 and its 4200 kg less its 600 kg: four launches, one a plane, 60 days apart. */
    @Test
    void theIssuesKeysAndAPlaneALaunch() throws Exception {
        StringBuilder out = new StringBuilder();
        Path csv = dir.resolve("out/satellites.csv");
        assertEquals(0, run(out, spec(SEA).toString(), "--json", "--csv", csv.toString()));
        JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray launches = doc.getAsJsonArray("launches");
        assertEquals(4, launches.size());
        for (int i = 0; i < 4; i++) {
            JsonObject l = launches.get(i).getAsJsonObject();
            for (String key : List.of("index", "vehicle", "site", "date", "satellites", "target_plane")) {
                assertTrue(l.has(key), key);
            }
            assertEquals("gravity-1", l.get("vehicle").getAsString());
            assertEquals(30, l.get("satellites").getAsInt());
            assertTrue(l.get("date").getAsString().startsWith(java.time.LocalDate.parse("2027-03-01").plusDays(60L * i).toString()),
                l.toString());
        }
        JsonObject plane = doc.getAsJsonArray("planes").get(2).getAsJsonObject();
        for (String key : List.of("index", "inclination_deg", "altitude_km", "raan_deg", "complete_date")) {
            assertTrue(plane.has(key), key);
        }
        assertEquals(180, plane.get("raan_deg").getAsDouble(), 1e-9);
        JsonObject totals = doc.getAsJsonObject("totals");
        assertEquals(120, totals.get("satellites").getAsInt());
        assertEquals(4, totals.get("launches").getAsInt());
        assertTrue(totals.get("days_to_complete").getAsDouble() > 59 + 3 * 60, totals.toString());
        assertTrue(totals.has("max_delta_v_m_s"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(121, lines.size());
        assertTrue(lines.get(0).startsWith("plane,slot,launch,separation_utc"), lines.get(0));
        try (var files = Files.list(csv.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    /**
     * Explicit planes at different inclinations: Jiuquan (41 N) never passes under a 30 deg plane, Wenchang (19.6 N)
     * does. Alone, Jiuquan is bad input naming the plane; with Wenchang, the 30 deg plane's launches all fly from
     * Wenchang while Jiuquan fills the 60 deg plane.
     */
    @Test
    void eachPlaneIsServedByTheLaunchersThatReachIt() throws Exception {
        String mixed = """
            {"name": "mixed", "start_date": "2027-01-01",
             "constellation": {"pattern": "explicit", "plane_list": [
                {"altitude_km": 500, "inclination_deg": 60, "raan_deg": 0, "satellites": 10},
                {"altitude_km": 500, "inclination_deg": 30, "raan_deg": 90, "satellites": 10}]},
             "satellite": {"mass_kg": 100, "isp_s": 230},
             "strategy": {"kind": "direct"},
             "objective": "time",
             "launchers": [LAUNCHERS]}
            """;
        String jiuquan = "{\"vehicle\": \"gravity-1\", \"site\": \"jiuquan\", \"payload_kg\": 4200, \"satellites_per_launch\": 10,"
            + " \"cadence_days\": 10, \"first_launch\": \"2027-02-01\", \"max_launches\": 6}";
        String wenchang = "{\"vehicle\": \"gravity-1\", \"site\": \"hainan-commercial\", \"payload_kg\": 4200,"
            + " \"satellites_per_launch\": 10, \"cadence_days\": 10, \"first_launch\": \"2027-02-05\", \"max_launches\": 6}";
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), spec(mixed.replace("LAUNCHERS", jiuquan)).toString()));
        assertTrue(e.userMessage().contains("no launcher can carry a satellite into plane 1 (500 km, 30.00 deg)"), e.userMessage());
        StringBuilder out = new StringBuilder();
        assertEquals(0, run(out, spec(mixed.replace("LAUNCHERS", jiuquan + ", " + wenchang)).toString(), "--json"));
        JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
        int thirty = -1;
        for (var p : doc.getAsJsonArray("planes")) {
            if (Math.abs(p.getAsJsonObject().get("inclination_deg").getAsDouble() - 30) < 1e-6) {
                thirty = p.getAsJsonObject().get("index").getAsInt();
            }
        }
        int fromWenchang = 0;
        for (var l : doc.getAsJsonArray("launches")) {
            JsonObject launch = l.getAsJsonObject();
            if (launch.get("target_plane").getAsInt() == thirty) {
                assertEquals("hainan-commercial", launch.get("site").getAsString(), launch.toString());
                fromWenchang++;
            }
        }
        assertEquals(1, fromWenchang);
        assertEquals(20, doc.getAsJsonObject("totals").get("satellites").getAsInt());
    }

    @Test
    void anInconsistentWalkerPatternIsBadInputWithTheNumbers() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), spec(SEA.replace("\"satellites\": 120", "\"satellites\": 122")).toString()));
        assertTrue(e.userMessage().contains("122/4/1") && e.userMessage().contains("30.50"), e.userMessage());
    }

    @Test
    void tooFewLaunchesIsBadInputWithTheNumbers() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), spec(SEA.replace("\"max_launches\": 6", "\"max_launches\": 3")).toString()));
        assertTrue(e.userMessage().contains("the 3 launches allowed carry 90 satellites at most, the constellation has 120"),
            e.userMessage());
    }

    /** A satellite too heavy for the dispenser's mass limit: the launcher cannot carry one, and it is the only one. */
    @Test
    void anOrbitBeyondEveryLauncherIsBadInputWithTheNumbers() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), spec(SEA.replace("\"mass_kg\": 100", "\"mass_kg\": 4000")).toString()));
        assertTrue(e.userMessage().contains("puts 4200 kg into 500 km at 50.00 deg, less than its constellation-dispenser (600 kg) and one"
            + " 4000 kg satellite"), e.userMessage());
    }

    /**
     * A 3000 km sun-synchronous orbit (112.41 deg) needs a launch azimuth of 212.9 deg from Jiuquan, outside the
     * site's 80 to 200 deg: bad input naming the azimuths, before any payload query.
     */
    @Test
    void anOrbitTheSiteCannotFlyIsBadInputNamingTheAzimuths() throws Exception {
        String high = """
            {"name": "high", "start_date": "2027-01-01",
             "constellation": {"pattern": "sun-synchronous", "satellites": 6, "altitude_km": 3000, "local_times_h": [10.5]},
             "satellite": {"mass_kg": 40, "isp_s": 220},
             "strategy": {"kind": "direct"},
             "objective": "launches",
             "launchers": [{"vehicle": "ceres-1", "site": "jiuquan", "cadence_days": 30, "first_launch": "2027-02-01",
                            "max_launches": 2}]}
            """;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(), spec(high).toString()));
        assertTrue(e.userMessage().contains("launchers[0].site") && e.userMessage().contains("212.9")
            && e.userMessage().contains("80 to 200 deg"), e.userMessage());
    }

    @Test
    void anImpossibleDateRangeIsBadInput() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(),
            spec(SEA.replace("\"start_date\": \"2027-01-01\",", "\"start_date\": \"2027-01-01\", \"deadline\": \"2026-06-01\",")).toString()));
        assertTrue(e.userMessage().contains("after start_date (2027-01-01)"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(),
            spec(SEA.replace("\"start_date\": \"2027-01-01\",", "\"start_date\": \"2027-01-01\", \"deadline\": \"2027-06-01\",")).toString()));
        assertTrue(e.userMessage().contains("the plan completes on 2027-"), e.userMessage());
    }

    @Test
    void mistakesNameTheKey() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), spec(SEA.replace("\"cadence_days\"", "\"cadense_days\"")).toString()));
        assertTrue(e.userMessage().contains("launchers[0].cadense_days"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(), spec(SEA.replace("gravity-1", "gravity-2")).toString()));
        assertTrue(e.userMessage().contains("gravity-2") && e.userMessage().contains("ceres-1"), e.userMessage());
        // a key another pattern or kind uses would be ignored: refused instead
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(),
            spec(SEA.replace("\"altitude_km\": 500,", "\"altitude_km\": 500, \"local_times_h\": [10.5],")).toString()));
        assertTrue(e.userMessage().contains("constellation.local_times_h") && e.userMessage().contains("not used by a walker-delta"),
            e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(),
            spec(SEA.replace("{\"kind\": \"direct\"}", "{\"kind\": \"direct\", \"parking_altitude_km\": 300}")).toString()));
        assertTrue(e.userMessage().contains("strategy.parking_altitude_km") && e.userMessage().contains("direct"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(), spec("{").toString()));
        assertTrue(e.userMessage().contains("not valid JSON"), e.userMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}

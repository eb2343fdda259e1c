package org.launchbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.test.support.UpdateSites;
import org.launchbench.install.Installer;
import org.launchbench.ui.workbench.plot.LinePlot;
import org.launchbench.vehicle.model.Stage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The views' widgets driven directly on a real display (an Xvfb this test starts on the display the build names):
 * the trajectory view flies the Zhuque-3 example and its plots hold the run's time history; the vehicle view takes a
 * value typed into its table, shows it as a dirty part, and Undo puts the value back. Each view is photographed into
 * target/screenshots.
 */
class ViewsUiTest {

    private static Process xvfb;
    private static Display display;

    @BeforeAll
    static void startDisplay() throws Exception {
        String name = System.getenv("DISPLAY");
        assumeTrue(name != null && Files.isExecutable(Path.of("/usr/bin/Xvfb")), "Xvfb is not installed (.ci/run installs it)");
        Path socket = Path.of("/tmp/.X11-unix/X" + name.substring(1));
        if (!Files.exists(socket)) {
            xvfb = new ProcessBuilder("/usr/bin/Xvfb", name, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
        }
        assertTrue(Files.exists(socket), "no X display " + name);
        display = new Display();
    }

    @AfterAll
    static void stopDisplay() throws Exception {
        if (display != null) {
            display.dispose();
        }
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void runUntil(BooleanSupplier done, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    private static Shell shell() {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 800);
        return shell;
    }

    private static void photograph(Shell shell, String name) throws Exception {
        runUntil(() -> false, 1);
        Image image = new Image(display, shell.getSize().x, shell.getSize().y);
        GC gc = new GC(image);
        try {
            shell.print(gc);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
        image.dispose();
    }

    /** @return a trajectory view on the shell, shown, that has flown the Zhuque-3 example */
    private static TrajectoryPart zhuque3Flown(Shell shell) {
        TrajectoryPart view = new TrajectoryPart();
        view.create(shell);
        shell.open();
        view.open(Path.of("../../examples/missions/zhuque3-y1-downrange.mission"));
        runUntil(() -> view.result() != null, 120);
        assertNotNull(view.result(), "the run did not end within 120 s");
        return view;
    }

    @Test
    void theTrajectoryViewFliesTheExampleAndItsPlotsHoldTheRun() throws Exception {
        Shell shell = shell();
        TrajectoryPart view = zhuque3Flown(shell);
        int samples = view.result().history().size();
        assertTrue(samples > 1000, samples + " samples");
        // the altitude plot: the vehicle's whole history, in km, and the booster's
        var altitude = view.plots().get(0).series();
        assertEquals(samples, altitude.get(0).x().length);
        assertEquals(view.result().history().get(samples / 2).altitude() / 1e3, altitude.get(0).y()[samples / 2], 1e-12);
        assertEquals(view.result().booster().history().size(), altitude.get(1).x().length);
        // the ground track on the world map: it starts at the launch site of the mission's pad (the site model's
        // 40.9581 N, 100.2912 E: launch-sites.sites, dongfeng-commercial), and the upper stage's hour-long flight
        // eastwards crosses the antimeridian, where the line breaks instead of spanning the map
        LinePlot track = view.groundTrack();
        assertTrue(track.hasWorldMap(), "the bundle's world map is drawn");
        // and exported with it: the SVG embeds the bundle's 720 x 360 map as a PNG under the track
        String svg = track.svg();
        java.util.regex.Matcher png = java.util.regex.Pattern.compile("href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(svg);
        assertTrue(png.find(), "the SVG has no map");
        java.awt.image.BufferedImage map = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(png.group(1))));
        assertEquals(720, map.getWidth());
        assertEquals(360, map.getHeight());
        var vehicle = track.series().get(0);
        assertEquals(100.2912, vehicle.x()[0], 1e-3);
        assertEquals(40.9581, vehicle.y()[0], 1e-3);
        int breaks = 0;
        for (int i = 1; i < vehicle.x().length; i++) {
            if (Double.isNaN(vehicle.x()[i])) {
                breaks++;
            } else if (!Double.isNaN(vehicle.x()[i - 1])) {
                assertTrue(Math.abs(vehicle.x()[i] - vehicle.x()[i - 1]) < 180, "a segment spans the map at point " + i);
            }
        }
        assertEquals(samples + breaks, vehicle.x().length);
        assertTrue(breaks >= 1, "the track crosses the antimeridian");
        photograph(shell, "ui-trajectory-view.png");
        shell.dispose();
    }

    /**
     * Units chosen in File → Preferences… relabel and convert a view that already holds a run: the altitude plot in
     * feet and the event table's dynamic pressure in pounds per square foot, from the run's SI values with the exact
     * definitions (international foot 0.3048 m, 1959; pound-force 4.4482216152605 N, so 1 psf = 47.880259 Pa); the
     * choice is saved, and a preferences file naming units there are none of is a mistake that names the file, the
     * value and what is allowed.
     */
    @Test
    void unitsChosenInPreferencesRelabelAndConvertAViewShowingARun(@TempDir Path tmp) throws Exception {
        WorkbenchPreferences prefs = new WorkbenchPreferences(tmp.resolve("workspace"));
        Shell shell = shell();
        try {
            TrajectoryPart view = zhuque3Flown(shell);
            int mid = view.result().history().size() / 2;
            double altitude = view.result().history().get(mid).altitude();
            assertEquals(List.of("time, s", "altitude, km"), view.plots().get(0).labels());
            assertEquals(altitude / 1000, view.plots().get(0).series().get(0).y()[mid], 1e-9);

            PreferencesDialog dialog = new PreferencesDialog(shell, prefs);
            dialog.setBlockOnOpen(false);
            dialog.open();
            assertEquals(Units.METRIC.ordinal(), dialog.unitsField().getSelectionIndex());
            dialog.unitsField().select(Units.IMPERIAL.ordinal());
            dialog.pressOk();
            runUntil(() -> false, 1);

            assertSame(Units.IMPERIAL, Units.current());
            assertSame(Units.IMPERIAL, new WorkbenchPreferences(tmp.resolve("workspace")).units(), "saved");
            assertEquals(List.of("time, s", "altitude, ft"), view.plots().get(0).labels());
            assertEquals(altitude / 0.3048, view.plots().get(0).series().get(0).y()[mid], 1e-6);
            assertEquals(List.of("downrange, nmi", "altitude, ft"), view.plots().get(7).labels());
            assertEquals("q, psf", view.events().getColumn(5).getText());
            var maxQ = view.result().events().stream().filter(e -> e.name().equals("max-q")).findFirst().orElseThrow();
            int row = view.result().events().indexOf(maxQ);
            assertEquals(maxQ.dynamicPressure() / 47.880259, Double.parseDouble(view.events().getItem(row).getText(5)), 0.006);
            photograph(shell, "ui-trajectory-imperial.png");
        } finally {
            prefs.setUnits(Units.METRIC);
            shell.dispose();
        }
        Files.writeString(prefs.file(), "units=furlongs\n");
        var mistake = org.junit.jupiter.api.Assertions.assertThrows(org.launchbench.core.InvalidInputException.class,
            () -> new WorkbenchPreferences(tmp.resolve("workspace")).units());
        assertTrue(mistake.getMessage().contains("furlongs") && mistake.getMessage().contains(prefs.file().toString())
            && mistake.getMessage().contains("metric, imperial"), mistake.getMessage());
    }

    /** A vehicle view on a shell, with the part E4 would inject (its dirty state is what the tests read). */
    private record VehicleView(VehiclePart view, MPart part) {
    }

    /** @return a vehicle view on the shell, opened on a vehicle file, the shell shown */
    private static VehicleView vehicleView(Shell shell, Path file) throws Exception {
        VehiclePart view = new VehiclePart();
        MPart part = MBasicFactory.INSTANCE.createPart();
        var field = VehiclePart.class.getDeclaredField("part");
        field.setAccessible(true);
        field.set(view, part);
        view.create(shell);
        shell.open();
        view.open(file);
        runUntil(() -> false, 1);
        return new VehicleView(view, part);
    }

    @Test
    void aValueTypedIntoTheVehicleTableIsUndone() throws Exception {
        Shell shell = shell();
        VehicleView opened = vehicleView(shell, Path.of("../org.launchbench.vehicles.spacex/model/falcon9.vehicle"));
        VehiclePart view = opened.view();
        MPart part = opened.part();
        // select the first stage in the tree, as a click does
        Object vehicle = ((StructuredSelection) view.tree().getSelection()).getFirstElement();
        Stage first = ((org.launchbench.vehicle.model.LaunchVehicle) vehicle).getStages().get(0);
        view.tree().setSelection(new StructuredSelection(first), true);
        runUntil(() -> false, 1);
        Object dryMass = null;
        for (var item : view.properties().getTable().getItems()) {
            if (item.getText(0).equals("dryMass")) {
                dryMass = item.getData();
            }
        }
        assertNotNull(dryMass, "the table lists the stage's dryMass");
        // edit the value cell: the cell editor's text, then Return
        view.properties().editElement(dryMass, 1);
        Text text = null;
        for (var c : view.properties().getTable().getChildren()) {
            if (c instanceof Text t && t.isVisible()) {
                text = t;
            }
        }
        assertNotNull(text, "a cell editor opened");
        text.setText("27000");
        // Return in the cell editor applies the value (TextCellEditor's default selection)
        text.notifyListeners(SWT.DefaultSelection, new Event());
        runUntil(() -> first.getDryMass() == 27000, 5);
        assertEquals(27000, first.getDryMass(), 0);
        runUntil(() -> part.isDirty(), 5);
        assertTrue(part.isDirty(), "the part is dirty");
        assertTrue(view.undoButton().isEnabled());
        photograph(shell, "ui-vehicle-view-edited.png");
        view.undoButton().notifyListeners(SWT.Selection, new Event());
        runUntil(() -> !part.isDirty(), 5);
        assertEquals(25600, first.getDryMass(), 0);
        assertFalse(part.isDirty());
        assertTrue(view.problems().getItem(0).startsWith("no problems"), view.problems().getItem(0));
        // the tree's context menu on the vehicle: add a stage; it is selected, and validation lists what it lacks
        var vehicleModel = (org.launchbench.vehicle.model.LaunchVehicle) vehicle;
        int stages = vehicleModel.getStages().size();
        view.tree().setSelection(new StructuredSelection(vehicle), true);
        runUntil(() -> false, 1);
        menuItem(view.tree().getControl().getMenu(), "Add stages: Stage").notifyListeners(SWT.Selection, new Event());
        runUntil(() -> vehicleModel.getStages().size() == stages + 1, 5);
        Stage added = vehicleModel.getStages().get(stages);
        assertEquals(added, ((StructuredSelection) view.tree().getSelection()).getFirstElement(), "the new stage is selected");
        runUntil(() -> part.isDirty() && !view.problems().getItem(0).startsWith("no problems"), 5);
        String path = org.launchbench.vehicle.model.validation.ModelPaths.of(added);
        assertTrue(java.util.Arrays.stream(view.problems().getItems()).anyMatch(i -> i.contains(path)),
            path + " in " + java.util.Arrays.toString(view.problems().getItems()));
        photograph(shell, "ui-vehicle-view-added.png");
        // and remove it again from its own context menu: the vehicle is as it was
        menuItem(view.tree().getControl().getMenu(), "Remove").notifyListeners(SWT.Selection, new Event());
        runUntil(() -> vehicleModel.getStages().size() == stages, 5);
        assertTrue(view.undoButton().isEnabled());
        view.undoButton().notifyListeners(SWT.Selection, new Event());
        runUntil(() -> vehicleModel.getStages().size() == stages + 1, 5);
        assertSame(added, vehicleModel.getStages().get(stages), "Undo puts the removed stage back");
        shell.dispose();
    }

    /**
     * The recovery view, driven through its widgets: 20 runs typed into the spinner, Run clicked; when the campaign
     * ends, the scatter holds every run's touchdown (landed and crashed together), and the propellant histogram's bars
     * count the landed runs.
     */
    @Test
    void theRecoveryViewFliesTheCampaignAskedForAndPlotsEveryRun() throws Exception {
        Shell shell = shell();
        RecoveryPart view = new RecoveryPart();
        view.create(shell);
        shell.open();
        view.missionField().setText("../../examples/missions/falcon9-leo-asds.mission");
        view.runsSpinner().setSelection(20);
        view.runButton().notifyListeners(SWT.Selection, new Event());
        runUntil(() -> view.runButton().isEnabled() && !view.plots().get(4).series().isEmpty(), 120);
        var scatter = view.plots().get(2).series();
        int landed = scatter.get(0).x().length;
        int crashed = scatter.get(1).x().length;
        assertEquals(20, landed + crashed, "every run in the scatter");
        // the outline's bar heights: every second point from the first, one a bar
        double[] bars = view.plots().get(4).series().get(0).y();
        double counted = 0;
        for (int i = 1; i < bars.length - 1; i += 2) {
            counted += bars[i];
        }
        assertEquals(landed, counted, 0, "the propellant histogram counts the landed runs");
        photograph(shell, "ui-recovery-view.png");
        shell.dispose();
    }

    /**
     * Cancelling the recovery view's campaign (what the Progress view's cancel does to its Job) stops it part-way: the
     * status says so, Run is offered again, and fewer runs than asked were flown. Ticked "On the cluster" with no cluster
     * in the preferences, Run says what to set instead of flying.
     */
    @Test
    void theRecoveryViewsCampaignIsCancelledAndOneOnNoClusterSaysWhatToSet() throws Exception {
        Shell shell = shell();
        RecoveryPart view = new RecoveryPart();
        view.create(shell);
        shell.open();
        view.missionField().setText("../../examples/missions/falcon9-leo-asds.mission");
        view.runsSpinner().setSelection(20_000);
        view.runButton().notifyListeners(SWT.Selection, new Event());
        runUntil(() -> view.statusText().contains("runs flown so far"), 120);
        assertTrue(view.statusText().contains("runs flown so far"), view.statusText());
        view.job().cancel();
        runUntil(() -> view.runButton().isEnabled(), 60);
        assertEquals("cancelled", view.statusText());
        view.job().join(); // the status line is set just before the job returns
        assertEquals(org.eclipse.core.runtime.IStatus.CANCEL, view.job().getResult().getSeverity());
        int flown = view.plots().get(2).series().stream().limit(2).mapToInt(x -> x.x().length).sum();
        assertTrue(flown > 0 && flown < 20_000, "runs shown when cancelled: " + flown);

        assumeTrue(PreferencesAddon.workspacePreferences().clusterAccess().isEmpty(), "this runtime's workspace names a cluster");
        view.clusterBox().setSelection(true);
        view.runsSpinner().setSelection(10);
        view.runButton().notifyListeners(SWT.Selection, new Event());
        runUntil(() -> view.runButton().isEnabled(), 60);
        assertTrue(view.statusText().contains("no cluster is configured") && view.statusText().contains("File > Preferences"),
            view.statusText());
        shell.dispose();
    }

    /**
     * The editor's keys on a vehicle opened from a file (a copy of the shipped Falcon 9): Delete on a stage removes it,
     * Ctrl+S writes the file (which then reads back with one stage fewer) and leaves the part clean, Ctrl+Z puts the
     * stage back and makes it dirty again.
     */
    @Test
    void theVehicleEditorsKeysRemoveSaveAndUndo() throws Exception {
        Path file = falcon9Copy("vehicle-keys");
        Shell shell = shell();
        VehicleView opened = vehicleView(shell, file);
        VehiclePart view = opened.view();
        MPart part = opened.part();
        var vehicle = selectedVehicle(view);
        Stage second = vehicle.getStages().get(1);
        view.tree().setSelection(new StructuredSelection(second), true);
        runUntil(() -> false, 1);
        view.tree().getControl().notifyListeners(SWT.KeyDown, key(SWT.DEL, 0));
        runUntil(() -> vehicle.getStages().size() == 1 && part.isDirty(), 5);
        assertEquals(1, vehicle.getStages().size());
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('s', SWT.MOD1));
        runUntil(() -> !part.isDirty(), 5);
        assertFalse(part.isDirty(), "saved");
        var saved = org.launchbench.vehicle.model.io.ModelFiles.load(file, org.launchbench.vehicle.model.LaunchVehicle.class);
        assertEquals(1, saved.getStages().size(), "the file holds the edit");
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('z', SWT.MOD1));
        runUntil(() -> vehicle.getStages().size() == 2, 5);
        assertSame(second, vehicle.getStages().get(1), "Ctrl+Z puts the stage back");
        runUntil(() -> part.isDirty(), 5);
        assertTrue(part.isDirty(), "different from the file again");
        shell.dispose();
    }

    /**
     * Copy and paste in the vehicle editor (a copy of the shipped Falcon 9): Ctrl+C on the first stage, Ctrl+V on the
     * vehicle appends a deep copy (its engine included) whose ids are made unique ("stage-1-copy",
     * "merlin-1d-copy"); Ctrl+V on a stage, which cannot hold stages, inserts the next copy beside it; a stage pasted
     * onto an engine is refused in the status line with nothing changed; Ctrl+Z takes the pastes out again.
     */
    @Test
    void theVehicleEditorCopiesAndPastesAStageWithUniqueIds() throws Exception {
        Path file = falcon9Copy("vehicle-paste");
        Shell shell = shell();
        VehicleView opened = vehicleView(shell, file);
        VehiclePart view = opened.view();
        var vehicle = selectedVehicle(view);
        Stage first = vehicle.getStages().get(0);
        Stage second = vehicle.getStages().get(1);
        view.tree().setSelection(new StructuredSelection(first), true);
        runUntil(() -> false, 1);
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('c', SWT.MOD1));
        view.tree().setSelection(new StructuredSelection(vehicle), true);
        runUntil(() -> false, 1);
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('v', SWT.MOD1));
        runUntil(() -> vehicle.getStages().size() == 3 && opened.part().isDirty(), 5);
        Stage pasted = vehicle.getStages().get(2);
        assertTrue(pasted != first, "a copy, not the stage itself");
        assertEquals("stage-1-copy", pasted.getId());
        assertEquals(first.getDryMass(), pasted.getDryMass(), 0);
        assertEquals("merlin-1d-copy", pasted.getEngines().get(0).getEngine().getId());
        assertEquals("merlin-1d", first.getEngines().get(0).getEngine().getId(), "the original keeps its ids");
        assertSame(pasted, ((StructuredSelection) view.tree().getSelection()).getFirstElement(), "the copy is selected");

        view.tree().setSelection(new StructuredSelection(first), true);
        runUntil(() -> false, 1);
        menuItem(view.tree().getControl().getMenu(), "Paste Stage").notifyListeners(SWT.Selection, new Event());
        runUntil(() -> vehicle.getStages().size() == 4, 5);
        assertEquals("stage-1-copy-2", vehicle.getStages().get(1).getId(), "pasted beside the selected stage");
        assertSame(second, vehicle.getStages().get(2));
        java.util.Set<String> ids = new java.util.HashSet<>();
        int named = 0;
        for (var it = vehicle.eAllContents(); it.hasNext();) {
            if (it.next() instanceof org.launchbench.vehicle.model.NamedElement n) {
                named++;
                ids.add(n.getId());
            }
        }
        assertEquals(named, ids.size(), "every id in the vehicle is unique: " + ids);

        view.tree().setSelection(new StructuredSelection(first.getEngines().get(0).getEngine()), true);
        runUntil(() -> false, 1);
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('v', SWT.MOD1));
        runUntil(() -> false, 1);
        assertEquals(4, vehicle.getStages().size(), "a stage does not go onto an engine");
        assertTrue(view.statusText().contains("cannot hold a pasted Stage"), view.statusText());
        photograph(shell, "ui-vehicle-view-pasted.png");

        view.tree().getControl().notifyListeners(SWT.KeyDown, key('z', SWT.MOD1));
        view.tree().getControl().notifyListeners(SWT.KeyDown, key('z', SWT.MOD1));
        runUntil(() -> vehicle.getStages().size() == 2, 5);
        assertEquals(List.of(first, second), List.copyOf(vehicle.getStages()), "Undo takes both pastes out");
        shell.dispose();
    }

    /** @return a copy of the shipped Falcon 9 vehicle file in a new temporary folder */
    private static Path falcon9Copy(String prefix) throws java.io.IOException {
        Path file = java.nio.file.Files.createTempDirectory(prefix).resolve("falcon9.vehicle");
        java.nio.file.Files.copy(Path.of("../org.launchbench.vehicles.spacex/model/falcon9.vehicle"), file);
        return file;
    }

    /** @return the vehicle selected in a vehicle view's tree (the one just opened) */
    private static org.launchbench.vehicle.model.LaunchVehicle selectedVehicle(VehiclePart view) {
        return (org.launchbench.vehicle.model.LaunchVehicle) ((StructuredSelection) view.tree().getSelection()).getFirstElement();
    }

    private static Event key(int code, int modifiers) {
        Event e = new Event();
        e.keyCode = code;
        e.stateMask = modifiers;
        e.doit = true;
        return e;
    }

    /** @return the item of a context menu (filled as when it is shown) whose text starts with a prefix */
    private static org.eclipse.swt.widgets.MenuItem menuItem(org.eclipse.swt.widgets.Menu menu, String prefix) {
        menu.notifyListeners(SWT.Show, new Event());
        for (var item : menu.getItems()) {
            if (item.getText().startsWith(prefix)) {
                return item;
            }
        }
        throw new AssertionError("no menu item " + prefix + " among " + java.util.Arrays.stream(menu.getItems()).map(i -> i.getText()).toList());
    }

    /** The constellation view plans a spec opened into it; its slots plot holds every slot of the design. */
    @Test
    void theConstellationViewPlansASpecAndPlotsEverySlot() throws Exception {
        Shell shell = shell();
        ConstellationPart view = new ConstellationPart();
        view.create(shell);
        shell.open();
        view.open(Path.of("../../examples/constellations/thirty-per-launch-sea.json"));
        runUntil(() -> !view.plots().get(0).series().isEmpty(), 120);
        assertEquals(120, view.plots().get(0).series().get(0).x().length, "a point a slot: Walker 120/4/1");
        assertEquals(4, view.plots().get(1).series().get(0).x().length, "four launches of thirty");
        photograph(shell, "ui-constellation-view.png");
        shell.dispose();
    }

    /**
     * The HIL view, driven through its widgets, flies the Falcon 9 example's landing at 100 Hz with the reference flight
     * computer at the other end of a real UDP socket: the stage lands, and the telemetry plots hold a point a cycle.
     */
    @Test
    void theHilViewFliesTheLandingWithTheReferenceComputer() throws Exception {
        int port;
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            port = socket.getLocalPort();
        }
        String endpoint = "udp://127.0.0.1:" + port;
        try (org.launchbench.fc.api.FlightComputerLink link = org.launchbench.fc.ccsds.CcsdsLink.listen(
                org.launchbench.fc.api.Endpoint.parse(endpoint, "--listen"), org.launchbench.fc.ccsds.ShippedDictionaries.landing(),
                java.time.Duration.ofSeconds(1));
             org.launchbench.fc.reference.ReferenceFlightComputer fc = new org.launchbench.fc.reference.ReferenceFlightComputer(link, 20, 1)) {
            Shell shell = shell();
            HilPart view = new HilPart();
            view.create(shell);
            shell.open();
            view.missionField().setText("../../examples/missions/falcon9-leo-asds.mission");
            view.endpointField().setText(endpoint);
            view.flyButton().notifyListeners(SWT.Selection, new Event());
            runUntil(() -> !view.flyButton().isEnabled(), 5);
            runUntil(() -> view.flyButton().isEnabled(), 120);
            String result = view.liveLine().getText();
            assertTrue(result.startsWith("falcon9-leo-asds: landed"), result);
            int cycles = Integer.parseInt(result.replaceAll(".*; (\\d+) cycles.*", "$1"));
            // a height point a cycle, but for the cycle in which the stage touched down (a stage on the ground sends nothing)
            assertEquals(cycles - 1, view.plots().get(0).series().get(0).x().length);
            assertTrue(fc.commands() > 0.98 * cycles, fc.commands() + " commands for " + cycles + " cycles");
            photograph(shell, "ui-hil-view.png");
            // imperial units: the same telemetry drawn again in feet, the axes renamed; metric again after
            double[] metres = view.plots().get(0).series().get(0).y();
            double[] east = view.plots().get(3).series().get(0).x();
            try {
                Units.setCurrent(Units.IMPERIAL);
                assertEquals(List.of("time from ignition point, s", "height, ft"), view.plots().get(0).labels());
                assertEquals(List.of("east, ft", "north, ft"), view.plots().get(3).labels());
                assertEquals("speed, ft/s", view.plots().get(1).labels().get(1));
                assertEquals(metres[0] / 0.3048, view.plots().get(0).series().get(0).y()[0], 1e-6);
                assertEquals(east[east.length / 2] / 0.3048, view.plots().get(3).series().get(0).x()[east.length / 2], 1e-6);
            } finally {
                Units.setCurrent(Units.METRIC);
            }
            assertEquals(metres[0], view.plots().get(0).series().get(0).y()[0], 1e-9);
            shell.dispose();
        }
    }

    /**
     * File → Preferences…: the update sites one a line. A line that is not a site keeps the dialog open, names the line
     * and the value, and saves nothing (not even the valid orekit-data folder beside it); corrected, OK saves the sites
     * in order and the folder, and a new dialog reads them back.
     */
    @Test
    void preferencesEditTheUpdateSitesAndRefuseOneThatIsNotThere(@TempDir Path tmp) throws Exception {
        Path acme = Files.createDirectories(tmp.resolve("acme-site"));
        Path orekit = Files.createDirectories(tmp.resolve("orekit-data"));
        WorkbenchPreferences prefs = new WorkbenchPreferences(tmp.resolve("workspace"));
        prefs.setUpdateSites(List.of("https://updates.example.org/launchbench"));
        Shell shell = shell();
        PreferencesDialog dialog = new PreferencesDialog(shell, prefs);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertEquals("https://updates.example.org/launchbench", dialog.sitesField().getText());
        dialog.folderField().setText(orekit.toString());
        dialog.sitesField().setText(acme + "\n\n" + tmp.resolve("no-such-site") + "\nhttps://updates.example.org/launchbench");
        dialog.pressOk();
        assertTrue(dialog.problemText().contains("line 3") && dialog.problemText().contains("no such folder or file")
            && dialog.problemText().contains("no-such-site"), dialog.problemText());
        assertFalse(dialog.getShell().isDisposed(), "the dialog stays open");
        assertEquals(List.of("https://updates.example.org/launchbench"), new WorkbenchPreferences(tmp.resolve("workspace")).updateSites());
        assertTrue(new WorkbenchPreferences(tmp.resolve("workspace")).orekitData().isEmpty(), "nothing saved");
        photograph(dialog.getShell(), "ui-preferences-refused.png");

        dialog.sitesField().setText(acme + "\n\nhttps://updates.example.org/launchbench\n");
        dialog.pressOk();
        assertEquals(null, dialog.getShell(), "OK saved and closed the dialog");
        WorkbenchPreferences saved = new WorkbenchPreferences(tmp.resolve("workspace"));
        assertEquals(List.of(acme.toString(), "https://updates.example.org/launchbench"), saved.updateSites());
        assertEquals(Optional.of(orekit), saved.orekitData());
        PreferencesDialog again = new PreferencesDialog(shell, saved);
        again.setBlockOnOpen(false);
        again.open();
        assertEquals(acme + "\nhttps://updates.example.org/launchbench", again.sitesField().getText());
        photograph(again.getShell(), "ui-preferences.png");
        again.close();
        shell.dispose();
    }

    /**
     * File → Preferences…, the cluster: a member that is not HOST:PORT keeps the dialog open naming the entry and saves
     * nothing; corrected, OK keeps the members and the secret file's path.
     */
    @Test
    void preferencesNameTheClusterAndRefuseAMemberThatIsNotAnAddress(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("cluster.secret"), "the cluster's shared secret for this test\n");
        Shell shell = shell();
        PreferencesDialog dialog = new PreferencesDialog(shell, new WorkbenchPreferences(tmp.resolve("workspace")));
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.membersField().setText("127.0.0.1:5701,bench-2");
        dialog.secretFileField().setText(secret.toString());
        dialog.pressOk();
        assertTrue(dialog.problemText().contains("Cluster members") && dialog.problemText().contains("bench-2"), dialog.problemText());
        assertFalse(dialog.getShell().isDisposed(), "the dialog stays open");
        assertTrue(new WorkbenchPreferences(tmp.resolve("workspace")).clusterAccess().isEmpty(), "nothing saved");
        photograph(dialog.getShell(), "ui-preferences-cluster-refused.png");
        dialog.membersField().setText("127.0.0.1:5701,bench-2:5701");
        dialog.pressOk();
        assertEquals(null, dialog.getShell(), "OK saved and closed the dialog");
        WorkbenchPreferences.Cluster saved = new WorkbenchPreferences(tmp.resolve("workspace")).cluster();
        assertEquals(new WorkbenchPreferences.Cluster("127.0.0.1:5701,bench-2:5701", "", secret.toString()), saved);
        shell.dispose();
    }

    /**
     * Help → Install Add-ons… against real p2: a site published by p2's publisher (one vehicle bundle, one feature), an
     * installation of its own (a p2 profile in a temporary folder) applied to this framework. Show lists the feature
     * and remembers the site; checking it and Install puts its vehicle into the catalog and the vehicle view's tree;
     * Uninstall takes it out again; a site that is not there is said so in the status line; an install cancelled at once
     * changes nothing.
     */
    @Test
    void installAddOnsShowsASiteInstallsItsVehicleAndUninstallsIt(@TempDir Path tmp) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ViewsUiTest.class).getBundleContext();
        Path plugins = Files.createDirectories(tmp.resolve("input/plugins"));
        Path features = Files.createDirectories(tmp.resolve("input/features/com.example.uitest.feature_1.0.0"));
        String zhuque3 = Files.readString(Path.of("../org.launchbench.vehicles.landspace/model/zhuque3.vehicle"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.uitest.vehicles;singleton:=true");
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("com.example.uitest.vehicles_1.0.0.jar")), manifest)) {
            jar.putNextEntry(new JarEntry("plugin.xml"));
            jar.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin><extension point="org.launchbench.vehicle.model.catalog"><vehicle file="ui.vehicle"/></extension></plugin>
                """.getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("ui.vehicle"));
            jar.write(zhuque3.replace("id=\"zhuque-3\"", "id=\"ui-example\"").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(features.resolve("feature.xml"), """
            <feature id="com.example.uitest.feature" label="UI example vehicles" version="1.0.0" provider-name="Example Aerospace">
               <description>A vehicle for the workbench's install test.</description>
               <plugin id="com.example.uitest.vehicles" version="1.0.0" unpack="false"/>
            </feature>
            """);
        IProvisioningAgent agent = context.getService(context.getServiceReference(IProvisioningAgentProvider.class))
            .createAgent(tmp.resolve("p2").toUri());
        try {
            URI site = UpdateSites.publish(agent, plugins, features.getParent(), tmp.resolve("site"), "UI site");
            Path folder = Files.createDirectories(tmp.resolve("installation"));
            agent.getService(IProfileRegistry.class).addProfile("UiTest", Map.of(IProfile.PROP_INSTALL_FOLDER, folder.toString(),
                IProfile.PROP_CACHE, folder.toString(), IProfile.PROP_ENVIRONMENTS, "osgi.os=linux,osgi.ws=gtk,osgi.arch=x86_64"));
            Installer installer = Installer.of(agent, "UiTest", context);
            WorkbenchPreferences prefs = new WorkbenchPreferences(tmp.resolve("workspace"));

            Shell shell = shell();
            VehiclePart vehicles = vehicleView(shell, Path.of("../org.launchbench.vehicles.landspace/model/zhuque3.vehicle")).view();
            assertFalse(vehicles.catalogBundles().contains("com.example.uitest.vehicles"));
            int[] changes = {0};
            InstallDialog dialog = new InstallDialog(shell, installer, prefs, () -> {
                changes[0]++;
                vehicles.catalogChanged(null);
            });
            dialog.setBlockOnOpen(false);
            dialog.open();
            List<Button> actions = dialog.actions();
            assertFalse(actions.get(1).isEnabled(), "nothing to install before a site is shown");

            dialog.siteField().setText(tmp.resolve("no-site").toString());
            actions.get(0).notifyListeners(SWT.Selection, new Event());
            assertTrue(dialog.statusText().contains("no such folder or file"), dialog.statusText());

            String siteText = tmp.resolve("site").toString();
            dialog.siteField().setText(siteText);
            actions.get(0).notifyListeners(SWT.Selection, new Event());
            runUntil(() -> !dialog.busy(), 60);
            assertEquals(List.of("UI example vehicles | 1.0.0 | Example Aerospace | "), dialog.offeredRows(), dialog.statusText());
            assertEquals(List.of(siteText), prefs.updateSites(), "the site is remembered");

            dialog.offeredTable().getItem(0).setChecked(true);
            Event check = new Event();
            check.detail = SWT.CHECK;
            check.item = dialog.offeredTable().getItem(0);
            dialog.offeredTable().notifyListeners(SWT.Selection, check);
            assertTrue(actions.get(1).isEnabled(), "a checked feature can be installed");
            assertFalse(dialog.cancelButton().isEnabled(), "nothing to cancel while idle");
            // Install, then Cancel at once: p2 stops at its next check (or the Job never starts) and nothing changes
            actions.get(1).notifyListeners(SWT.Selection, new Event());
            assertTrue(dialog.cancelButton().isEnabled(), "the running install can be cancelled");
            dialog.cancelButton().notifyListeners(SWT.Selection, new Event());
            runUntil(() -> !dialog.busy(), 120);
            assertTrue(dialog.statusText().contains("cancelled"), dialog.statusText());
            assertEquals(List.of(), dialog.installedFeatures());
            assertTrue(TrajectoryPart.catalog().vehicle("ui-example").isEmpty(), "a cancelled install adds nothing");
            assertEquals(0, changes[0]);
            assertFalse(dialog.cancelButton().isEnabled());
            actions.get(1).notifyListeners(SWT.Selection, new Event());
            runUntil(() -> !dialog.busy(), 120);
            assertTrue(dialog.statusText().contains("in use now") && dialog.statusText().contains("com.example.uitest.vehicles_1.0.0"),
                dialog.statusText());
            assertEquals(List.of("com.example.uitest.feature"), dialog.installedFeatures());
            assertEquals(List.of("UI example vehicles | 1.0.0 | Example Aerospace | yes"), dialog.offeredRows());
            assertEquals(1, changes[0]);
            assertTrue(TrajectoryPart.catalog().vehicle("ui-example").isPresent(), "the vehicle is in the catalog");
            assertTrue(vehicles.catalogBundles().contains("com.example.uitest.vehicles"), vehicles.catalogBundles().toString());
            photograph(dialog.getShell(), "ui-install-dialog.png");

            dialog.installedTable().select(0);
            dialog.installedTable().notifyListeners(SWT.Selection, new Event());
            actions.get(2).notifyListeners(SWT.Selection, new Event());
            runUntil(() -> !dialog.busy(), 120);
            assertTrue(dialog.statusText().startsWith("Uninstalled UI example vehicles"), dialog.statusText());
            assertEquals(List.of(), dialog.installedFeatures());
            assertTrue(TrajectoryPart.catalog().vehicle("ui-example").isEmpty(), "the vehicle left the catalog");
            assertFalse(vehicles.catalogBundles().contains("com.example.uitest.vehicles"));
            dialog.close();
            shell.dispose();
        } finally {
            agent.stop();
        }
    }
}

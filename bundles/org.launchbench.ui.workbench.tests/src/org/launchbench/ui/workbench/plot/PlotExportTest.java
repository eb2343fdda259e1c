package org.launchbench.ui.workbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Plot export without a display: the data as CSV, the drawing as SVG. */
class PlotExportTest {

    private static final List<PlotExport.Line> LINES = List.of(
        new PlotExport.Line("vehicle", new double[] {0, 1, 2, 3}, new double[] {0, 10, Double.NaN, 30}, 0x1f77b4, false),
        new PlotExport.Line("a, b \"c\"", new double[] {1, 2}, new double[] {5, 6}, 0xd62728, true));

    @Test
    void theCsvHasAHeaderAndARowAPointWithGapsLeftEmpty() {
        String csv = PlotExport.csv("time, s", "altitude, km", LINES);
        List<String> rows = csv.lines().toList();
        assertEquals("series,\"time, s\",\"altitude, km\"", rows.get(0));
        assertEquals(1 + 4 + 2, rows.size());
        assertEquals("vehicle,1.0,10.0", rows.get(2));
        assertEquals("vehicle,2.0,", rows.get(3));
        assertEquals("\"a, b \"\"c\"\"\",1.0,5.0", rows.get(5));
    }

    /** A well-formed document: a line broken by its gap into two polylines, a dot a point, the title and axis names. */
    @Test
    void theSvgIsWellFormedWithTheSeriesDrawn() throws Exception {
        String svg = PlotExport.svg("Altitude <km>", "time, s", "altitude, km", LINES, 640, 400);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getTagName());
        assertEquals(2, d.getElementsByTagName("polyline").getLength());
        assertEquals(2, d.getElementsByTagName("circle").getLength());
        assertTrue(svg.contains("Altitude &lt;km&gt;"));
        assertTrue(svg.contains("stroke=\"#1f77b4\"") && svg.contains("fill=\"#d62728\""));
    }

    /**
     * A ground track exported on its world map: the map embedded as a PNG image under the series, spanning the plot
     * area, which is twice as wide as high (360° by 180°, a degree as long either way), and the longitude ticks the
     * whole world's (-180 to 180 by 60).
     */
    @Test
    void aGroundTrackIsExportedOnItsWorldMap() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        List<PlotExport.Line> track = List.of(new PlotExport.Line("track", new double[] {100, 101, 103}, new double[] {40, 41, 43}, 0x1f77b4, false));
        String svg = PlotExport.svg("Ground track", "longitude, deg", "latitude, deg", track, 800, 500, false, png);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element image = (org.w3c.dom.Element) d.getElementsByTagName("image").item(0);
        assertEquals("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png), image.getAttribute("href"));
        double w = Double.parseDouble(image.getAttribute("width"));
        double h = Double.parseDouble(image.getAttribute("height"));
        assertEquals(2, w / h, 0.02);
        assertTrue(svg.indexOf("<image") < svg.indexOf("<polyline"), "the map is under the track");
        for (String tick : new String[] {">-180<", ">-60<", ">180<", ">-90<", ">90<"}) {
            assertTrue(svg.contains(tick), "tick " + tick);
        }
        assertEquals(-1, PlotExport.svg("Ground track", "x", "y", track, 800, 500).indexOf("<image"), "no map unless given");
    }
}

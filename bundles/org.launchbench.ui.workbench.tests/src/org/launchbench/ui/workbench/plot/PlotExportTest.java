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
}

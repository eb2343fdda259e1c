package org.launchbench.ui.workbench;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The row of controls across the top of a view, and the file field with its Open… button that most views start with. */
final class HeaderBar {

    private HeaderBar() {
    }

    /**
     * Lays the part's composite out in one column and adds the bar, as wide as the part.
     *
     * @param parent  the part's composite
     * @param columns controls in the bar
     * @return the bar
     */
    static Composite create(Composite parent, int columns) {
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        return bar;
    }

    /**
     * Adds a label, a file field that takes the bar's spare width and an Open… button whose dialog fills the field.
     * Three of the bar's columns.
     *
     * @param bar       the bar
     * @param label     e.g. "Mission:"
     * @param extension the dialog's filter, e.g. "*.mission" (all files are offered too)
     * @param onChosen  run after a file is chosen (null: nothing)
     * @return the field
     */
    static Text fileField(Composite bar, String label, String extension, Runnable onChosen) {
        new Label(bar, SWT.NONE).setText(label);
        Text file = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        Button browse = new Button(bar, SWT.PUSH);
        browse.setText("Open…");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(bar.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {extension, "*"});
            String chosen = d.open();
            if (chosen != null) {
                file.setText(chosen);
                if (onChosen != null) {
                    onChosen.run();
                }
            }
        });
        return file;
    }
}

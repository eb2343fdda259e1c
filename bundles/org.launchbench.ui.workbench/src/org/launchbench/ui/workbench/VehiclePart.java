package org.launchbench.ui.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.validation.Problem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The vehicle catalog and editor: the catalog's vehicles by contributing bundle (and a .vehicle file opened from
 * disk), each vehicle's element tree from EMF.Edit's item providers, the selected element's attributes in an editable
 * table (values checked against their type), Undo and Redo on the editing domain's command stack, the part's dirty
 * state, validation problems linked to their element, Save As (atomic), keys (Ctrl+Z, Ctrl+Y, Ctrl+S, Delete) and the
 * tree's context menu to add and remove elements. A catalog vehicle is edited as a copy
 * ({@link VehicleEditing}).
 */
public final class VehiclePart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.vehicle";

    /** The event topic posted when the catalog's bundles changed (add-ons installed or uninstalled). */
    public static final String CATALOG_CHANGED = "org/launchbench/catalog/changed";

    /** A contributing bundle in the tree. */
    private record Bundle(String name, List<CatalogVehicle> vehicles) {
    }

    @Inject
    private MPart part;

    private TreeViewer tree;
    private TableViewer properties;
    private org.eclipse.swt.widgets.List problems;
    private Label status;
    private Button undo;
    private Button redo;
    private Button save;
    private final Map<CatalogVehicle, VehicleEditing> editings = new HashMap<>();
    private final Map<LaunchVehicle, VehicleEditing> byRoot = new HashMap<>();
    private final List<Object> roots = new ArrayList<>();
    private VehicleEditing current;
    private EObject selected;
    private List<Problem> shown = List.of();

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        Composite bar = HeaderBar.create(parent, 6);
        Button open = button(bar, "Open file…");
        open.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(parent.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.vehicle", "*"});
            String chosen = d.open();
            if (chosen != null) {
                openFile(Path.of(chosen));
            }
        });
        undo = button(bar, "Undo");
        undo.addListener(SWT.Selection, e -> {
            if (current != null && current.canUndo()) {
                current.undo();
            }
        });
        redo = button(bar, "Redo");
        redo.addListener(SWT.Selection, e -> {
            if (current != null && current.canRedo()) {
                current.redo();
            }
        });
        save = button(bar, "Save As…");
        save.addListener(SWT.Selection, e -> saveAs(parent));
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(status);
        status.setText("Vehicles by contributing bundle; select one to edit a copy of it");

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tree = new TreeViewer(sash, SWT.BORDER | SWT.SINGLE);
        tree.setContentProvider(new Content());
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Bundle b) {
                    return b.name();
                }
                if (element instanceof CatalogVehicle v) {
                    return v.name() + " (" + v.id() + ")" + (editing(v).dirty() ? " *" : "");
                }
                VehicleEditing e = owner(element);
                if (e != null && element == e.root() && e.file() != null && !editings.containsValue(e)) {
                    return e.file().getFileName() + ": " + e.label(element) + (e.dirty() ? " *" : "");
                }
                return e == null ? String.valueOf(element) : e.label(element);
            }
        });
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        properties = new TableViewer(right, SWT.BORDER | SWT.FULL_SELECTION);
        properties.getTable().setHeaderVisible(true);
        properties.getTable().setLinesVisible(true);
        properties.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn name = new TableViewerColumn(properties, SWT.LEFT);
        name.getColumn().setText("attribute");
        name.getColumn().setWidth(220);
        name.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((EAttribute) element).getName();
            }
        });
        TableViewerColumn value = new TableViewerColumn(properties, SWT.LEFT);
        value.getColumn().setText("value");
        value.getColumn().setWidth(520);
        value.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return current == null || selected == null ? "" : current.text(selected, (EAttribute) element);
            }
        });
        value.setEditingSupport(new EditingSupport(properties) {
            private final TextCellEditor editor = new TextCellEditor(properties.getTable());

            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return current != null && selected != null;
            }

            @Override
            protected Object getValue(Object element) {
                return current.text(selected, (EAttribute) element);
            }

            @Override
            protected void setValue(Object element, Object text) {
                try {
                    current.set(selected, (EAttribute) element, String.valueOf(text));
                } catch (LaunchBenchException ex) {
                    status.setText(ex.getMessage());
                }
            }
        });
        problems = new org.eclipse.swt.widgets.List(right, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        problems.addListener(SWT.DefaultSelection, e -> {
            int i = problems.getSelectionIndex();
            if (current != null && i >= 0 && i < shown.size()) {
                EObject target = current.elementsByPath().get(shown.get(i).element());
                if (target != null) {
                    tree.setSelection(new StructuredSelection(target), true);
                }
            }
        });
        right.setWeights(3, 1);
        sash.setWeights(1, 2);
        tree.addSelectionChangedListener(e -> select(((IStructuredSelection) e.getSelection()).getFirstElement()));
        tree.getControl().addListener(SWT.KeyDown, e -> keys(e, parent));
        properties.getTable().addListener(SWT.KeyDown, e -> keys(e, parent));
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        tree.getControl().setMenu(menu.createContextMenu(tree.getControl()));

        fillCatalog();
        tree.setInput(roots);
        tree.expandToLevel(2);
        String file = System.getProperty(TrajectoryPart.OPEN_PROPERTY);
        if (file != null && file.endsWith(".vehicle")) {
            openFile(Path.of(file));
        }
        update();
    }

    /** Puts the catalog's vehicles, by contributing bundle, first in the tree (files opened stay after them). */
    private void fillCatalog() {
        roots.removeIf(r -> r instanceof Bundle);
        VehicleCatalog catalog = TrajectoryPart.catalog();
        Map<String, List<CatalogVehicle>> bundles = new TreeMap<>();
        for (CatalogVehicle v : catalog.vehicles()) {
            bundles.computeIfAbsent(v.bundle(), k -> new ArrayList<>()).add(v);
        }
        List<Object> fromBundles = new ArrayList<>();
        bundles.forEach((b, vs) -> fromBundles.add(new Bundle(b, vs)));
        roots.addAll(0, fromBundles);
    }

    /** @return the contributing bundles shown in the tree, in order */
    List<String> catalogBundles() {
        return roots.stream().filter(r -> r instanceof Bundle).map(r -> ((Bundle) r).name()).toList();
    }

    /**
     * Shows the catalog as it is now: after add-ons were installed or uninstalled ({@value #CATALOG_CHANGED}).
     * Vehicles being edited keep their edits; a vehicle whose bundle left disappears from the tree.
     *
     * @param event ignored
     */
    @Inject
    @Optional
    public void catalogChanged(@UIEventTopic(CATALOG_CHANGED) Object event) {
        if (tree == null || tree.getControl().isDisposed()) {
            return;
        }
        fillCatalog();
        tree.refresh();
        tree.expandToLevel(2);
        status.setText("The catalog now holds " + TrajectoryPart.catalog().vehicles().size() + " vehicles");
    }

    /**
     * The tree's context menu for the selected element: "Add stages: Stage" and the like (EMF.Edit's new-child
     * descriptors), then "Remove" (not for the vehicle itself); each is one undoable command, and the new element is
     * selected so its attributes can be typed in at once.
     */
    private void fillMenu(org.eclipse.jface.action.IMenuManager menu) {
        if (current == null || selected == null) {
            return;
        }
        VehicleEditing e = current;
        EObject parent = selected;
        for (VehicleEditing.NewChild child : e.newChildren(parent)) {
            menu.add(new Action("Add " + child.label()) {
                @Override
                public void run() {
                    EObject added = e.add(parent, child);
                    tree.refresh(true);
                    tree.setSelection(new StructuredSelection(added), true);
                    status.setText("Added " + e.label(added) + ": set its values, then validate with the problems list");
                }
            });
        }
        if (parent != e.root() || clipboard != null) {
            menu.add(new Separator());
        }
        if (parent != e.root()) {
            menu.add(new Action("Copy " + e.label(parent) + "\tCtrl+C") {
                @Override
                public void run() {
                    copy(e, parent);
                }
            });
        }
        if (clipboard != null) {
            menu.add(new Action("Paste " + clipboard.eClass().getName() + "\tCtrl+V") {
                @Override
                public void run() {
                    paste(e, parent);
                }
            });
        }
        if (parent != e.root()) {
            menu.add(new Separator());
            menu.add(new Action("Remove " + e.label(parent)) {
                @Override
                public void run() {
                    remove(e, parent);
                }
            });
        }
    }

    /**
     * What Copy took, detached from its vehicle (shared by the vehicle views of this workbench, so an element copied
     * from one vehicle pastes into another; null before the first copy).
     */
    private static volatile EObject clipboard;

    /** Copies an element (the context menu's Copy, Ctrl+C on the tree). */
    private void copy(VehicleEditing e, EObject element) {
        clipboard = VehicleEditing.copy(element);
        status.setText("Copied " + e.label(element) + ": select where it goes and paste (Ctrl+V)");
    }

    /** Pastes what was copied into or beside an element (the context menu's Paste, Ctrl+V) and selects the copy. */
    private void paste(VehicleEditing e, EObject target) {
        EObject copied = clipboard;
        if (copied == null) {
            return;
        }
        try {
            EObject pasted = e.paste(target, copied);
            tree.refresh(true);
            tree.setSelection(new StructuredSelection(pasted), true);
            status.setText("Pasted " + e.label(pasted) + " (Undo takes it out again)");
        } catch (LaunchBenchException ex) {
            status.setText(ex.getMessage());
        }
    }

    /**
     * Removes an element (the context menu's Remove, the Delete key) and selects its container; the status names the
     * element as it was labelled before it left the tree.
     */
    private void remove(VehicleEditing e, EObject element) {
        EObject container = element.eContainer();
        String label = e.label(element);
        e.remove(element);
        tree.refresh(true);
        tree.setSelection(new StructuredSelection(container), true);
        status.setText("Removed " + label + " (Undo puts it back)");
    }

    /** @return the status line's text, for tests */
    String statusText() {
        return status.getText();
    }

    /** @return the tree, for tests */
    TreeViewer tree() {
        return tree;
    }

    /** @return the properties table, for tests */
    TableViewer properties() {
        return properties;
    }

    /** @return the Undo button, for tests */
    Button undoButton() {
        return undo;
    }

    /** @return the problems list, for tests */
    org.eclipse.swt.widgets.List problems() {
        return problems;
    }

    private static Button button(Composite bar, String text) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        return b;
    }

    private VehicleEditing editing(CatalogVehicle v) {
        return editings.computeIfAbsent(v, k -> watch(VehicleEditing.copyOf(k.model(), k.bundle())));
    }

    private VehicleEditing watch(VehicleEditing e) {
        byRoot.put(e.root(), e);
        e.onChange(() -> tree.getControl().getDisplay().asyncExec(this::update));
        return e;
    }

    private VehicleEditing owner(Object element) {
        if (element instanceof EObject o) {
            return byRoot.get((LaunchVehicle) org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(o));
        }
        return null;
    }

    /** Opens a vehicle file for editing (File → Open…). */
    public void open(Path file) {
        openFile(file);
    }

    private void openFile(Path file) {
        try {
            VehicleEditing e = watch(VehicleEditing.open(file));
            roots.add(e.root());
            tree.refresh();
            tree.setSelection(new StructuredSelection(e.root()), true);
            status.setText("Opened " + file);
            List<Problem> found = e.validate(TrajectoryPart.catalog().references());
            System.out.printf("vehicle view: %d vehicles from %d bundles; opened %s: %d errors, %d warnings%n",
                TrajectoryPart.catalog().vehicles().size(), roots.stream().filter(r -> r instanceof Bundle).count(), file.getFileName(),
                found.stream().filter(Problem::error).count(), found.stream().filter(p -> !p.error()).count());
            for (Problem p : found) {
                System.out.println("vehicle view: " + p);
            }
            System.out.flush();
        } catch (LaunchBenchException ex) {
            status.setText(ex.getMessage());
        }
    }

    private void select(Object element) {
        if (element instanceof CatalogVehicle v) {
            current = editing(v);
            selected = current.root();
        } else if (element instanceof EObject o) {
            current = owner(o);
            selected = o;
        } else {
            selected = null;
        }
        update();
    }

    /** Refreshes the table, the tree's labels, the buttons, the dirty state and the problems after any change. */
    private void update() {
        if (tree.getControl().isDisposed()) {
            return;
        }
        properties.setInput(current == null || selected == null ? List.of() : current.attributes(selected));
        tree.refresh(true);
        undo.setEnabled(current != null && current.canUndo());
        redo.setEnabled(current != null && current.canRedo());
        save.setEnabled(current != null);
        part.setDirty(editings.values().stream().anyMatch(VehicleEditing::dirty) || byRoot.values().stream().anyMatch(VehicleEditing::dirty));
        problems.removeAll();
        shown = current == null ? List.of() : current.validate(TrajectoryPart.catalog().references());
        for (Problem p : shown) {
            problems.add(p.toString());
        }
        if (current != null && shown.isEmpty()) {
            problems.add("no problems: the vehicle is valid");
        }
    }

    /** Saves the vehicle to the file it came from (atomically), or asks for one when it has none (a catalog copy). */
    private void save(Composite parent) {
        if (current == null) {
            return;
        }
        if (current.file() == null) {
            saveAs(parent);
            return;
        }
        try {
            current.saveAs(current.file());
            status.setText("Saved " + current.file());
            update();
        } catch (LaunchBenchException ex) {
            status.setText(ex.getMessage());
        }
    }

    /**
     * The editor's keys, on the tree and the properties table: Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+S save
     * (Save As… for a catalog copy); on the tree, Delete removes the selected element (not the vehicle itself), Ctrl+C
     * copies it and Ctrl+V pastes what was copied into or beside it.
     */
    private void keys(org.eclipse.swt.widgets.Event e, Composite parent) {
        boolean command = (e.stateMask & SWT.MOD1) != 0;
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        int key = Character.toLowerCase(e.keyCode);
        if (command && key == 'z' && !shift) {
            if (current != null && current.canUndo()) {
                current.undo();
            }
        } else if (command && (key == 'y' || key == 'z' && shift)) {
            if (current != null && current.canRedo()) {
                current.redo();
            }
        } else if (command && key == 's') {
            save(parent);
        } else if (command && key == 'c' && e.widget == tree.getControl() && current != null && selected != null
            && selected != current.root()) {
            copy(current, selected);
        } else if (command && key == 'v' && e.widget == tree.getControl() && current != null && selected != null) {
            paste(current, selected);
        } else if (e.keyCode == SWT.DEL && e.widget == tree.getControl() && current != null && selected != null
            && selected != current.root()) {
            remove(current, selected);
        } else {
            return;
        }
        e.doit = false;
    }

    private void saveAs(Composite parent) {
        if (current == null) {
            return;
        }
        FileDialog d = new FileDialog(parent.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.vehicle"});
        d.setOverwrite(true);
        d.setFileName(current.root().getId() + ".vehicle");
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        try {
            current.saveAs(Path.of(chosen));
            status.setText("Saved " + chosen);
            update();
        } catch (LaunchBenchException ex) {
            status.setText(ex.getMessage());
        }
    }

    /** The tree: bundles, their vehicles, then each vehicle's elements through EMF.Edit. */
    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object element) {
            if (element instanceof Bundle b) {
                return b.vehicles().toArray();
            }
            if (element instanceof CatalogVehicle v) {
                return editing(v).children(editing(v).root()).toArray();
            }
            VehicleEditing e = owner(element);
            return e == null ? new Object[0] : e.children(element).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof EObject o ? o.eContainer() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }
}

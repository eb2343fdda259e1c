package org.launchbench.ui.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.NamedElement;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelPaths;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.launchbench.vehicle.model.validation.Problem;

/**
 * One vehicle being edited, without widgets (the vehicle view shows it; tests drive it directly): EMF.Edit's reflective
 * item providers give the tree and the labels, every change is a command on the editing domain's stack (undo, redo,
 * dirty state), values typed as text are checked against their attribute's type, the model is validated with the
 * vehicle constraints, and saving writes the file atomically ({@link ModelFiles#save}). A catalog vehicle is edited as
 * a copy: the catalog's own model, which simulations read, is never changed.
 */
public final class VehicleEditing {

    private final ComposedAdapterFactory factory = new ComposedAdapterFactory(new ReflectiveItemProviderAdapterFactory());
    private final BasicCommandStack stack = new BasicCommandStack();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(factory, stack);
    private final LaunchVehicle root;
    private final String source;
    private Path file;

    private VehicleEditing(LaunchVehicle root, String source, Path file) {
        this.root = root;
        this.source = source;
        this.file = file;
    }

    /** @param vehicle a catalog vehicle; @param source where it came from (its bundle), for messages; @return a copy to edit */
    public static VehicleEditing copyOf(LaunchVehicle vehicle, String source) {
        return new VehicleEditing(EcoreUtil.copy(vehicle), source, null);
    }

    /** @param file a .vehicle file; @return it, to edit and save in place @throws InvalidInputException when it cannot be read */
    public static VehicleEditing open(Path file) {
        return new VehicleEditing(ModelFiles.load(file, LaunchVehicle.class), file.toString(), file);
    }

    /** @return the vehicle being edited */
    public LaunchVehicle root() {
        return root;
    }

    /** @return the file it is saved to (null until a catalog copy is saved somewhere) */
    public Path file() {
        return file;
    }

    /** @return an element's children in the tree (EMF.Edit's item provider) */
    public List<Object> children(Object element) {
        Object provider = factory.adapt(element, ITreeItemContentProvider.class);
        return provider instanceof ITreeItemContentProvider p ? new ArrayList<>(p.getChildren(element)) : List.of();
    }

    /** @return an element's label: its class and its name or id */
    public String label(Object element) {
        if (element instanceof EObject o) {
            String path = ModelPaths.of(o);
            int slash = path.lastIndexOf(" / ");
            return slash < 0 ? path : path.substring(slash + 3);
        }
        Object provider = factory.adapt(element, IItemLabelProvider.class);
        return provider instanceof IItemLabelProvider p ? p.getText(element) : String.valueOf(element);
    }

    /** @return an element's attributes, as the properties table lists them (derived and transient ones left out) */
    public List<EAttribute> attributes(EObject element) {
        return element.eClass().getEAllAttributes().stream().filter(a -> !a.isDerived() && !a.isTransient() && !a.isMany()).toList();
    }

    /** @return an attribute's value as text (its default when not set; "" when it has none) */
    public String text(EObject element, EAttribute attribute) {
        Object value = element.eGet(attribute);
        return value == null ? "" : EcoreUtil.convertToString(attribute.getEAttributeType(), value);
    }

    /**
     * Sets an attribute from text, as one undoable command.
     *
     * @throws InvalidInputException naming the element, the attribute, the text and what its type allows
     */
    public void set(EObject element, EAttribute attribute, String text) {
        Object value;
        try {
            value = text.isBlank() && !attribute.isRequired() ? SetCommand.UNSET_VALUE
                : EcoreUtil.createFromString(attribute.getEAttributeType(), text.strip());
        } catch (RuntimeException e) {
            throw InvalidInputException.because("is not a value of the attribute's type").source(source).element(ModelPaths.of(element)
                + ": " + attribute.getName()).value(text).allowed(allowed(attribute)).build();
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw InvalidInputException.because("is not a finite number").source(source).element(ModelPaths.of(element) + ": "
                + attribute.getName()).value(text).allowed("a finite number").build();
        }
        Command c = SetCommand.create(domain, element, attribute, value);
        if (!c.canExecute()) {
            throw InvalidInputException.because("cannot be set here").source(source).element(ModelPaths.of(element) + ": "
                + attribute.getName()).value(text).build();
        }
        stack.execute(c);
    }

    /**
     * An element that can be added under another: EMF.Edit's new-child descriptor, with a label.
     *
     * @param label      "feature: Class", e.g. "stages: Stage"
     * @param descriptor the descriptor {@link #add} takes
     */
    public record NewChild(String label, Object descriptor) {
    }

    /** @return what can be added under an element (one entry a containment feature and concrete class) */
    public List<NewChild> newChildren(EObject parent) {
        List<NewChild> out = new ArrayList<>();
        for (Object d : domain.getNewChildDescriptors(parent, null)) {
            if (d instanceof CommandParameter c && c.getFeature() instanceof EReference r && c.getValue() instanceof EObject v) {
                out.add(new NewChild(r.getName() + ": " + v.eClass().getName(), d));
            }
        }
        return out;
    }

    /**
     * Adds a new element (its attributes at their defaults) under a parent, as one undoable command.
     *
     * @param child one of {@link #newChildren}(parent)
     * @return the new element
     */
    public EObject add(EObject parent, NewChild child) {
        Command c = CreateChildCommand.create(domain, parent, child.descriptor(), List.of(parent));
        if (!c.canExecute()) {
            throw InvalidInputException.because("cannot be added here").source(source).element(ModelPaths.of(parent))
                .value(child.label()).build();
        }
        stack.execute(c);
        return (EObject) c.getResult().iterator().next();
    }

    /**
     * Removes an element and everything in it, as one undoable command (undo puts it back where it was).
     *
     * @throws InvalidInputException for the vehicle itself, which cannot be removed from its own file
     */
    public void remove(EObject element) {
        if (element == root || element.eContainer() == null) {
            throw InvalidInputException.because("is the vehicle itself and cannot be removed").source(source)
                .element(ModelPaths.of(element)).build();
        }
        stack.execute(RemoveCommand.create(domain, element));
    }

    /**
     * @param element an element of any vehicle
     * @return a detached deep copy of it and everything it contains, for {@link #paste} (the vehicle model refers to
     *         other elements by id, never by reference, so a copy can go into another vehicle)
     */
    public static EObject copy(EObject element) {
        return EcoreUtil.copy(element);
    }

    /**
     * Pastes a copy of a copied element ({@link #copy}), as one undoable command: into the target when the target can
     * hold such an element (appended to its list, or into an empty single slot), otherwise beside the target, after it
     * in its container's list. Every id in the pasted elements that the vehicle already uses gets "-copy" (then
     * "-copy-2" and so on), so ids stay unique.
     *
     * @param target  the selected element
     * @param copied  what was copied (not changed: each paste takes a copy of it)
     * @return the pasted element
     * @throws InvalidInputException when neither the target nor its container can hold such an element
     */
    public EObject paste(EObject target, EObject copied) {
        EObject pasted = EcoreUtil.copy(copied);
        uniqueIds(pasted);
        Command c = null;
        EReference into = holder(target, copied);
        if (into != null) {
            c = into.isMany() ? AddCommand.create(domain, target, into, pasted) : SetCommand.create(domain, target, into, pasted);
        } else if (target.eContainer() != null && target.eContainmentFeature().isMany()
            && target.eContainmentFeature().getEReferenceType().isSuperTypeOf(copied.eClass())) {
            List<?> siblings = (List<?>) target.eContainer().eGet(target.eContainmentFeature());
            c = AddCommand.create(domain, target.eContainer(), target.eContainmentFeature(), pasted, siblings.indexOf(target) + 1);
        }
        if (c == null || !c.canExecute()) {
            throw InvalidInputException.because("cannot hold a pasted " + copied.eClass().getName() + ", nor can its container")
                .source(source).element(ModelPaths.of(target)).value(copied.eClass().getName())
                .fix("select the element it belongs in (a stage goes into the vehicle, an engine cluster into a stage)").build();
        }
        stack.execute(c);
        return pasted;
    }

    /** The target's containment feature that takes such an element: a list, or a single slot that is empty. */
    private static EReference holder(EObject target, EObject copied) {
        for (EReference r : target.eClass().getEAllContainments()) {
            if (r.getEReferenceType().isSuperTypeOf(copied.eClass()) && (r.isMany() || target.eGet(r) == null)) {
                return r;
            }
        }
        return null;
    }

    /** Renames the ids in a pasted tree that the vehicle already uses. */
    private void uniqueIds(EObject pasted) {
        Set<String> used = new HashSet<>();
        root.eAllContents().forEachRemaining(o -> {
            if (o instanceof NamedElement n && n.getId() != null) {
                used.add(n.getId());
            }
        });
        if (root.getId() != null) {
            used.add(root.getId());
        }
        List<EObject> all = new ArrayList<>();
        all.add(pasted);
        pasted.eAllContents().forEachRemaining(all::add);
        for (EObject o : all) {
            if (o instanceof NamedElement n && n.getId() != null) {
                if (used.contains(n.getId())) {
                    String id = n.getId() + "-copy";
                    for (int k = 2; used.contains(id); k++) {
                        id = n.getId() + "-copy-" + k;
                    }
                    n.setId(id);
                }
                used.add(n.getId());
            }
        }
    }

    private static String allowed(EAttribute attribute) {
        if (attribute.getEAttributeType() instanceof EEnum e) {
            return String.join(", ", e.getELiterals().stream().map(l -> l.getLiteral()).toList());
        }
        Class<?> type = attribute.getEAttributeType().getInstanceClass();
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + attribute.getEAttributeType().getName();
    }

    /** @return whether there is an edit to undo */
    public boolean canUndo() {
        return stack.canUndo();
    }

    /** Undoes the last edit. */
    public void undo() {
        stack.undo();
    }

    /** @return whether there is an undone edit to redo */
    public boolean canRedo() {
        return stack.canRedo();
    }

    /** Redoes the last undone edit. */
    public void redo() {
        stack.redo();
    }

    /** @return whether the vehicle differs from what was last saved (or loaded) */
    public boolean dirty() {
        return stack.isSaveNeeded();
    }

    /** @return the vehicle's problems, errors first (empty when it is valid) */
    public List<Problem> validate(ModelReferences references) {
        return ModelValidation.validate(root, references);
    }

    /** @return every element by its path, as problems name them (to select the element a problem is about) */
    public Map<String, EObject> elementsByPath() {
        Map<String, EObject> out = new LinkedHashMap<>();
        out.put(ModelPaths.of(root), root);
        root.eAllContents().forEachRemaining(o -> out.put(ModelPaths.of(o), o));
        return out;
    }

    /**
     * Saves the vehicle to a file, atomically, and marks it clean.
     *
     * @throws InvalidInputException when the file is not a .vehicle file
     * @throws org.launchbench.core.RunFailedException when it cannot be written (the old file is then unchanged)
     */
    public void saveAs(Path target) {
        ModelFiles.save(root, target);
        stack.saveIsDone();
        file = target;
    }

    /** @param listener called after each edit, undo and redo */
    public void onChange(Runnable listener) {
        stack.addCommandStackListener(e -> listener.run());
    }
}

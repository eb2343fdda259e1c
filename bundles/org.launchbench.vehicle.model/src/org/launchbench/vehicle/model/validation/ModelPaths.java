package org.launchbench.vehicle.model.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.launchbench.vehicle.model.NamedElement;

/** Readable paths of model elements, for messages: {@code LaunchVehicle 'falcon-9' / Stage 'stage-1' / engines[1]}. */
public final class ModelPaths {

    private ModelPaths() {
    }

    /** @param object a model element; @return its path from the root */
    public static String of(EObject object) {
        Deque<String> parts = new ArrayDeque<>();
        for (EObject o = object; o != null; o = o.eContainer()) {
            parts.addFirst(step(o));
        }
        return String.join(" / ", parts);
    }

    private static String step(EObject o) {
        if (o instanceof NamedElement n && n.getId() != null && !n.getId().isBlank()) {
            // ids are short names; a hostile one is cut so that the path stays one readable line
            return o.eClass().getName() + " '" + org.launchbench.core.InvalidInputException.cut(n.getId(), 64) + "'";
        }
        EStructuralFeature f = o.eContainingFeature();
        if (f == null) {
            return o.eClass().getName();
        }
        if (f.isMany()) {
            List<?> siblings = (List<?>) o.eContainer().eGet(f);
            return f.getName() + "[" + (siblings.indexOf(o) + 1) + "]";
        }
        return f.getName();
    }
}

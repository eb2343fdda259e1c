package org.launchbench.vehicle.model.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.launchbench.vehicle.model.VehiclePackage;

/** Validates a model with {@link VehicleConstraints} (and EMF's structural checks) into a list of {@link Problem}s. */
public final class ModelValidation {

    private ModelValidation() {
    }

    /**
     * @param root       a model root (a vehicle, a mission, a site catalog)
     * @param references how a mission's vehicle, site and landing zone are found
     * @return every problem, errors first, in model order; empty when the model is valid
     */
    public static List<Problem> validate(EObject root, ModelReferences references) {
        EValidator.Registry registry = new EValidatorRegistryImpl();
        registry.put(VehiclePackage.eINSTANCE, new VehicleConstraints());
        Diagnostician diagnostician = new Diagnostician(registry) {
            @Override
            public String getObjectLabel(EObject eObject) {
                return ModelPaths.of(eObject);
            }
        };
        Map<Object, Object> context = new HashMap<>();
        context.put(ModelReferences.class, references);
        context.put(EValidator.SubstitutionLabelProvider.class, diagnostician);
        BasicDiagnostic diagnostic = diagnostician.createDefaultDiagnostic(root);
        diagnostician.validate(root, diagnostic, context);
        List<Problem> problems = new ArrayList<>();
        collect(diagnostic, problems);
        problems.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        return problems;
    }

    private static void collect(Diagnostic d, List<Problem> out) {
        if (d.getSeverity() >= Diagnostic.WARNING && d.getChildren().isEmpty()) {
            out.add(toProblem(d));
        }
        for (Diagnostic child : d.getChildren()) {
            collect(child, out);
        }
    }

    private static Problem toProblem(Diagnostic d) {
        List<?> data = d.getData();
        if (data.size() > 2 && data.get(2) instanceof Problem p) {
            return p;
        }
        // one of EMF's structural checks: keep its message, with the element's path
        EObject object = data.isEmpty() || !(data.get(0) instanceof EObject o) ? null : o;
        EStructuralFeature feature = data.size() > 1 && data.get(1) instanceof EStructuralFeature f ? f : null;
        String element = object == null ? "model" : ModelPaths.of(object);
        String why = d.getMessage().replace("'" + element + "'", "it");
        return new Problem(d.getSeverity() == Diagnostic.ERROR, element, feature == null ? null : feature.getName(),
            null, null, why);
    }
}

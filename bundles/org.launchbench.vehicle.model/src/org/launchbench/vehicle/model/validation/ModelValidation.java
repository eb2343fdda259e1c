package org.launchbench.vehicle.model.validation;

import java.nio.file.Path;
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
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.Mission;
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
        List<Problem> problems = validateTree(root, references);
        if (root instanceof Mission m) {
            problems.addAll(referenced(m, references));
            for (String w : references.warnings()) {
                problems.add(new Problem(false, "beside the mission", null, null, null, w));
            }
        }
        problems.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        return problems;
    }

    /**
     * What every command that reads a model does first: the same checks as {@code launchbench validate}, the first error
     * as bad input in the same words (issue 28: {@code vehicle show} printed figures of a vehicle validate rejected).
     *
     * @param root       a model read from a file
     * @param references how a mission's references are found
     * @param file       the file, for the message
     * @throws InvalidInputException naming the first error, and how many more there are
     */
    public static void requireValid(EObject root, ModelReferences references, String file) {
        List<Problem> problems = validate(root, references).stream().filter(Problem::error).toList();
        if (!problems.isEmpty()) {
            // the deepest problem first: checks of a whole (a vehicle's thrust-to-weight, a table's order) derive from the
            // figures below them, so a figure's own problem is the cause to name
            Problem p = problems.stream().max(java.util.Comparator.comparingInt(ModelValidation::depth)).orElseThrow();
            // a reference not found may be in a file beside the mission that did not load: say so, with that file's problem
            String skipped = p.why().startsWith("no such") && !references.warnings().isEmpty()
                ? "; beside the mission, " + InvalidInputException.cut(references.warnings().get(0), 300) : "";
            throw InvalidInputException.because(p.why() + skipped + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more: run 'launchbench validate " + file + "')" : "")).source(file)
                .element(p.element() + (p.feature() == null ? "" : "/" + p.feature())).value(p.value()).allowed(p.allowed()).build();
        }
    }

    private static int depth(Problem p) {
        return p.element().split(" / ", -1).length * 2 + (p.feature() == null ? 0 : 1);
    }

    /**
     * The mission's vehicle, launch site and landing zone are checked with the same constraints as the mission: the
     * engines fly them (issue 28: a mission was "valid" with a negative dry mass in its vehicle file). Their problems
     * name the file they were read from, or the catalog.
     */
    private static List<Problem> referenced(Mission m, ModelReferences refs) {
        List<EObject> used = new ArrayList<>();
        refs.vehicle(m.getVehicleId()).ifPresent(used::add);
        refs.launchSite(m.getLaunchSiteId()).ifPresent(used::add);
        if (m.getRecovery() != null && m.getRecovery().getLandingZoneId() != null) {
            refs.landingZone(m.getRecovery().getLandingZoneId()).ifPresent(used::add);
        }
        List<Problem> out = new ArrayList<>();
        for (EObject o : used) {
            // the file's name: files beside a mission are in its folder, and a full path would crowd out the element
            String where = refs.source(o).map(f -> f.getFileName().toString()).orElse("catalog");
            for (Problem p : validateTree(o, ModelReferences.NONE)) {
                out.add(new Problem(p.error(), where + ": " + p.element(), p.feature(), p.value(), p.allowed(), p.why()));
            }
        }
        return out;
    }

    private static List<Problem> validateTree(EObject root, ModelReferences references) {
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

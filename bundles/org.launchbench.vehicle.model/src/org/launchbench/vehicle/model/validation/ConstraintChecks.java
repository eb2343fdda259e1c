package org.launchbench.vehicle.model.validation;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** Reports the constraint violations of one model element, each naming its path, feature, value, range and why. */
final class ConstraintChecks {

    private final EObject object;
    private final DiagnosticChain diagnostics;
    boolean ok = true;

    ConstraintChecks(EObject object, DiagnosticChain diagnostics) {
        this.object = object;
        this.diagnostics = diagnostics;
    }

    void positive(EStructuralFeature f, double value, String unit, String why) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problem(f, VehicleConstraints.fmt(value), "> 0 " + unit, why);
        }
    }

    void range(EStructuralFeature f, double value, double min, double max, String allowed, String why) {
        if (!(value >= min && value <= max)) {
            problem(f, VehicleConstraints.fmt(value), allowed, why);
        }
    }

    void problem(EStructuralFeature f, String value, String allowed, String why) {
        ok = false;
        if (diagnostics != null) {
            Problem p = new Problem(true, ModelPaths.of(object), f == null ? null : f.getName(), value, allowed, why);
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, VehicleConstraints.SOURCE, 0, p.message(), new Object[] {object, f, p}));
        }
    }
}

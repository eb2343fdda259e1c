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
    /** Features already reported: one problem per feature (a NaN is not also out of range). */
    private final java.util.Set<EStructuralFeature> reported = new java.util.HashSet<>();
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

    /**
     * Every number the element holds is finite and of a size a model can mean: NaN, ±Infinity or a magnitude beyond
     * {@link #MAX_MAGNITUDE} is refused for every attribute, so that no field without a range of its own lets one through
     * to the engines (issue 28: NaN drag coefficients, 1e308 thrust). Called after the element's own checks: a field they
     * have reported keeps their message and range.
     */
    void finiteNumbers() {
        for (org.eclipse.emf.ecore.EAttribute a : object.eClass().getEAllAttributes()) {
            Class<?> type = a.getEAttributeType().getInstanceClass();
            if (a.isMany() || !object.eIsSet(a) || (type != double.class && type != Double.class && type != float.class && type != Float.class)) {
                continue;
            }
            Object v = object.eGet(a);
            double d = v == null ? 0 : ((Number) v).doubleValue();
            if (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE) {
                problem(a, VehicleConstraints.fmt(d), "a finite number of magnitude below 1e12 (in SI units)",
                    "no figure of a launch vehicle or mission is infinite, not a number, or that large");
            }
        }
    }

    /** The largest magnitude any model figure may have, SI units: 10^12 kg, N, m or Pa is beyond any rocket or orbit. */
    static final double MAX_MAGNITUDE = 1e12;

    /** {@link #range} of an optional (unsettable) number, when it is set: an unset one means "not given". */
    void rangeIfSet(EStructuralFeature f, double min, double max, String allowed, String why) {
        if (object.eIsSet(f)) {
            range(f, ((Number) object.eGet(f)).doubleValue(), min, max, allowed, why);
        }
    }

    void problem(EStructuralFeature f, String value, String allowed, String why) {
        if (f != null && !reported.add(f)) {
            return;
        }
        ok = false;
        if (diagnostics != null) {
            // a value from the file is quoted at a readable length (an id of a million characters)
            String quoted = value == null ? null : org.launchbench.core.InvalidInputException.cut(value, org.launchbench.core.InvalidInputException.MAX_QUOTED);
            Problem p = new Problem(true, ModelPaths.of(object), f == null ? null : f.getName(), quoted, allowed, why);
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, VehicleConstraints.SOURCE, 0, p.message(), new Object[] {object, f, p}));
        }
    }
}

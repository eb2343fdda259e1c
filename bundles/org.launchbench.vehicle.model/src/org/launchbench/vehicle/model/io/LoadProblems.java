package org.launchbench.vehicle.model.io;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.launchbench.core.InvalidInputException;

/** Turns EMF's load diagnostics into one clear line about the first problem. */
final class LoadProblems {

    private LoadProblems() {
    }

    static InvalidInputException toException(List<Resource.Diagnostic> errors, String source) {
        Resource.Diagnostic first = errors.get(0);
        String where = "line " + first.getLine() + ", column " + first.getColumn();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem"
            + (errors.size() > 2 ? "s" : "") + " after it)" : "";
        InvalidInputException.Builder b;
        if (first instanceof FeatureNotFoundException f) {
            EClass type = f.getObject() == null ? null : f.getObject().eClass();
            b = InvalidInputException.because("unknown element or attribute" + (type == null ? "" : " of " + type.getName()) + more)
                .element(where).value(f.getName())
                .allowed(type == null ? null : featureNames(type))
                .fix("correct the name (names are case-sensitive) or remove it; nothing unknown is ever dropped silently");
        } else if (first instanceof IllegalValueException v) {
            EStructuralFeature feature = v.getFeature();
            b = InvalidInputException.because("is not a valid value of " + describe(v.getObject()) + "." + feature.getName() + more)
                .element(where).value(v.getValue())
                .allowed(allowedValues(feature)).fix("correct the value");
        } else if (first instanceof ClassNotFoundException c) {
            b = InvalidInputException.because("unknown element type" + more).element(where).value(c.getName())
                .fix("use the element names of the LaunchBench model (see docs/vehicle-model.md)");
        } else if (first instanceof PackageNotFoundException p) {
            b = InvalidInputException.because("unknown model namespace" + more).element(where).value(p.uri())
                .allowed(org.launchbench.vehicle.model.VehiclePackage.eNS_URI)
                .fix("declare xmlns:lb=\"" + org.launchbench.vehicle.model.VehiclePackage.eNS_URI + "\"");
        } else {
            b = InvalidInputException.because(clean(first.getMessage()) + more).element(where)
                .fix("repair the file at that position");
        }
        return b.source(source).build(first instanceof Exception e ? e : null);
    }

    private static String describe(EObject object) {
        return object == null ? "an element" : object.eClass().getName();
    }

    private static String featureNames(EClass type) {
        return type.getEAllStructuralFeatures().stream().map(EStructuralFeature::getName).sorted()
            .collect(Collectors.joining(", "));
    }

    private static String allowedValues(EStructuralFeature feature) {
        if (feature.getEType() instanceof org.eclipse.emf.ecore.EEnum e) {
            return e.getELiterals().stream().map(l -> l.getLiteral()).collect(Collectors.joining(", "));
        }
        String type = feature.getEType().getInstanceClassName();
        return switch (type == null ? "" : type) {
            case "double" -> "a number such as 1200.5 or 3.2E5";
            case "int" -> "a whole number";
            case "boolean" -> "true or false";
            default -> null;
        };
    }

    private static String clean(String message) {
        return message == null ? "cannot be read" : message.replaceAll("\\s+", " ").strip();
    }
}

package org.launchbench.vehicle.model.validation;

/**
 * One violated constraint, with everything a user needs to fix it.
 *
 * @param error   true for an error (the model cannot be flown), false for a warning
 * @param element the element's path from the root ({@code LaunchVehicle 'falcon-9' / Stage 'stage-1'})
 * @param feature the feature holding the bad value, or {@code null} when the element as a whole is wrong
 * @param value   the offending value as text, or {@code null}
 * @param allowed the allowed range or values, or {@code null}
 * @param why     why it is wrong, in the engineer's terms
 */
public record Problem(boolean error, String element, String feature, String value, String allowed, String why) {

    /** @return one line: {@code element: feature = value: why (allowed: range)} */
    public String message() {
        StringBuilder s = new StringBuilder(element);
        if (feature != null) {
            s.append(": ").append(feature);
            if (value != null) {
                s.append(" = ").append(value);
            }
        } else if (value != null) {
            s.append(" = ").append(value);
        }
        s.append(": ").append(why);
        if (allowed != null) {
            s.append(" (allowed: ").append(allowed).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return (error ? "error: " : "warning: ") + message();
    }
}

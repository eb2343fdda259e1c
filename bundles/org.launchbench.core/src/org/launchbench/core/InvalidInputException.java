package org.launchbench.core;

import java.io.Serial;
import java.util.Objects;

/**
 * A mistake in the user's input that the user can fix. It carries where the mistake is (the source: a file
 * or a command-line option; the element inside it), the offending value, the allowed range, why it is wrong
 * and what to do, and renders them as one line, for example:
 *
 * <pre>
 * falcon9.vehicle: Stage[1]/dryMass = -5 kg: dry mass must be positive (allowed: &gt; 0 kg). Fix: set the stage's dry mass.
 * </pre>
 *
 * Build one with {@link #because(String)}.
 */
public class InvalidInputException extends LaunchBenchException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The longest offending value a message quotes, characters. */
    public static final int MAX_QUOTED = 80;

    /** The longest element path a message names, characters (a path through a deeply nested document). */
    public static final int MAX_ELEMENT = 160;

    private final String source;
    private final String element;
    private final String value;
    private final String allowed;
    private final String problem;
    private final String fix;

    private InvalidInputException(Builder b, Throwable cause) {
        super(render(b), cause);
        this.source = b.source;
        this.element = b.element;
        this.value = b.value;
        this.allowed = b.allowed;
        this.problem = b.problem;
        this.fix = b.fix;
    }

    /**
     * Starts describing a mistake.
     *
     * @param problem why the input is wrong, in the user's terms ("dry mass must be positive")
     * @return a builder for the remaining facts
     */
    public static Builder because(String problem) {
        return new Builder(Objects.requireNonNull(problem, "problem"));
    }

    /** @return the file or option the mistake is in, or {@code null} */
    public String source() {
        return source;
    }

    /** @return the element inside the source (a model path, a JSON key, an argument position), or {@code null} */
    public String element() {
        return element;
    }

    /** @return the offending value as the user wrote it, or {@code null} */
    public String value() {
        return value;
    }

    /** @return the allowed range or values, or {@code null} */
    public String allowed() {
        return allowed;
    }

    /** @return why the input is wrong */
    public String problem() {
        return problem;
    }

    /** @return what the user should do, or {@code null} */
    public String fix() {
        return fix;
    }

    private static String render(Builder b) {
        StringBuilder s = new StringBuilder();
        if (b.source != null) {
            s.append(b.source);
        }
        if (b.element != null) {
            s.append(s.isEmpty() ? "" : ": ").append(b.element);
        }
        if (b.value != null) {
            s.append(b.element != null ? " = " : (s.isEmpty() ? "" : ": ")).append(quoteIfBlank(b.value));
        }
        s.append(s.isEmpty() ? "" : ": ").append(b.problem);
        if (b.allowed != null) {
            s.append(" (allowed: ").append(b.allowed).append(')');
        }
        s.append('.');
        if (b.fix != null) {
            s.append(" Fix: ").append(b.fix).append(b.fix.endsWith(".") ? "" : ".");
        }
        // one line, whatever the parts contained
        return s.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /**
     * @param text a text from the user
     * @param max  the most characters kept
     * @return the text, cut to {@code max} characters with an ellipsis saying how much was left out
     */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }

    private static String quoteIfBlank(String value) {
        return value.isBlank() ? "\"" + value + "\"" : value;
    }

    /** Collects the facts of an {@link InvalidInputException}; every fact but the problem is optional. */
    public static final class Builder {
        private final String problem;
        private String source;
        private String element;
        private String value;
        private String allowed;
        private String fix;

        private Builder(String problem) {
            this.problem = problem;
        }

        /** @param source the file path or option name ("--seed") the mistake is in; @return this */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** @param element the element inside the source (cut to {@link #MAX_ELEMENT} characters); @return this */
        public Builder element(String element) {
            this.element = element == null ? null : cut(element, MAX_ELEMENT);
            return this;
        }

        /**
         * @param value the offending value as the user wrote it, or {@code null} for none; cut to {@link #MAX_QUOTED}
         *              characters (a two-million-element array made a 4 MB line)
         * @return this
         */
        public Builder value(Object value) {
            this.value = value == null ? null : cut(String.valueOf(value), MAX_QUOTED);
            return this;
        }

        /** @param allowed the allowed range or values; @return this */
        public Builder allowed(String allowed) {
            this.allowed = allowed;
            return this;
        }

        /** @param fix what the user should do; @return this */
        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        /** @return the exception, to throw */
        public InvalidInputException build() {
            return new InvalidInputException(this, null);
        }

        /** @param cause the underlying failure (a parse error); @return the exception, to throw */
        public InvalidInputException build(Throwable cause) {
            return new InvalidInputException(this, cause);
        }
    }
}

package org.launchbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.launchbench.core.InvalidInputException;

/**
 * A command's parsed arguments: flags ({@code --json}), options with a value ({@code --csv DIR} or
 * {@code --csv=DIR}) and positional arguments, in that vocabulary only. Anything else is bad input, reported
 * with the command, the word and what is allowed; a word after {@code --} is always positional.
 */
public final class Arguments {

    private final String command;
    private final Set<String> flags;
    private final Map<String, String> values;
    private final List<String> positionals;

    private Arguments(String command, Set<String> flags, Map<String, String> values, List<String> positionals) {
        this.command = command;
        this.flags = flags;
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * Describes the options a command accepts.
     *
     * @param flags   options without a value, e.g. {@code "--json"}
     * @param valued  options that take a value, e.g. {@code "--csv"}
     * @return a spec to {@link Spec#parse(CommandInvocation) parse} with
     */
    public static Spec spec(Set<String> flags, Set<String> valued) {
        return new Spec(Set.copyOf(flags), Set.copyOf(valued));
    }

    /** @param flag e.g. {@code "--json"}; @return whether it was given */
    public boolean flag(String flag) {
        return flags.contains(flag);
    }

    /** @param option e.g. {@code "--csv"}; @return its value, if the option was given */
    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /**
     * A number option within a range.
     *
     * @param option   e.g. {@code "--rate"}
     * @param fallback its value when not given (NaN: the option is required)
     * @param min      smallest allowed
     * @param max      largest allowed
     * @return the value
     * @throws InvalidInputException naming the option, the text and the range, when missing, not a number or outside
     */
    public double number(String option, double fallback, double min, double max) {
        String range = format(min) + " to " + (max >= Long.MAX_VALUE ? "any" : format(max));
        String text = values.get(option);
        if (text == null) {
            if (Double.isNaN(fallback)) {
                throw InvalidInputException.because("the option is required").source("launchbench " + command).element(option)
                    .allowed(range).fix("see 'launchbench " + command + " --help'").build();
            }
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= max)) {
            throw InvalidInputException.because("is not a number in range").source("launchbench " + command).element(option).value(text)
                .allowed(range).build();
        }
        return v;
    }

    /**
     * A whole-number option within a range.
     *
     * @param option   e.g. {@code "--threads"}
     * @param fallback its value when not given
     * @param min      smallest allowed
     * @param max      largest allowed
     * @return the value
     * @throws InvalidInputException naming the option, the text and the range, when not a whole number or outside
     */
    public int integer(String option, int fallback, int min, int max) {
        double v = number(option, fallback, min, max);
        if (v != Math.rint(v)) {
            throw InvalidInputException.because("is not a whole number").source("launchbench " + command).element(option)
                .value(values.get(option)).allowed(min + " to " + max).build();
        }
        return (int) v;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the positional arguments in order */
    public List<String> positionals() {
        return positionals;
    }

    /**
     * @param count the exact number of positional arguments the command takes
     * @param names their names for the message, e.g. {@code "MISSION_FILE"}
     * @throws InvalidInputException when there are more or fewer
     */
    public void expectPositionals(int count, String... names) {
        if (positionals.size() < count) {
            throw InvalidInputException.because("missing argument " + names[positionals.size()])
                .source("launchbench " + command)
                .allowed(count + " argument" + (count == 1 ? "" : "s") + ": " + String.join(" ", names))
                .fix("see 'launchbench " + command + " --help'").build();
        }
        if (positionals.size() > count) {
            throw InvalidInputException.because("unexpected argument")
                .source("launchbench " + command).value(positionals.get(count))
                .allowed(count == 0 ? "no arguments" : count + " argument" + (count == 1 ? "" : "s") + ": "
                                                       + String.join(" ", names))
                .fix("see 'launchbench " + command + " --help'").build();
        }
    }

    /** The options one command accepts. */
    public static final class Spec {
        private final Set<String> flags;
        private final Set<String> valued;

        private Spec(Set<String> flags, Set<String> valued) {
            this.flags = flags;
            this.valued = valued;
        }

        /**
         * @param invocation the invocation whose arguments to parse
         * @return the parsed arguments
         * @throws InvalidInputException for an unknown option, or an option missing its value
         */
        public Arguments parse(CommandInvocation invocation) {
            return parse(invocation.command(), invocation.arguments());
        }

        /**
         * @param command the command's name, for messages
         * @param words   the words after the command's name
         * @return the parsed arguments
         * @throws InvalidInputException for an unknown option, or an option missing its value
         */
        public Arguments parse(String command, List<String> words) {
            Set<String> seenFlags = new LinkedHashSet<>();
            Map<String, String> seenValues = new LinkedHashMap<>();
            List<String> positionals = new ArrayList<>();
            boolean onlyPositionals = false;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (onlyPositionals || !word.startsWith("-") || word.equals("-") || isNumber(word)) {
                    positionals.add(word);
                    continue;
                }
                if (word.equals("--")) {
                    onlyPositionals = true;
                    continue;
                }
                int eq = word.indexOf('=');
                String name = eq > 0 ? word.substring(0, eq) : word;
                if (flags.contains(name) && eq < 0) {
                    seenFlags.add(name);
                } else if (valued.contains(name)) {
                    String value;
                    if (eq > 0) {
                        value = word.substring(eq + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw InvalidInputException.because("needs a value").source("launchbench " + command)
                            .element(name).fix("write '" + name + " VALUE'").build();
                    }
                    if (seenValues.put(name, value) != null) {
                        throw InvalidInputException.because("is given twice").source("launchbench " + command)
                            .element(name).fix("give " + name + " once").build();
                    }
                } else {
                    Set<String> allowed = new TreeSet<>(flags);
                    valued.forEach(v -> allowed.add(v + " VALUE"));
                    allowed.add("--help");
                    throw InvalidInputException.because("unknown option").source("launchbench " + command)
                        .value(word).allowed(String.join(", ", allowed))
                        .fix("see 'launchbench " + command + " --help'").build();
                }
            }
            return new Arguments(command, Set.copyOf(seenFlags), Map.copyOf(seenValues), List.copyOf(positionals));
        }

        private static boolean isNumber(String word) {
            // negative numbers are values, not options: "launchbench atmosphere -100"
            return word.length() > 1 && (Character.isDigit(word.charAt(1)) || word.charAt(1) == '.');
        }
    }
}

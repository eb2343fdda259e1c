package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The materialized product, started through its own start script as a user starts it. */
final class InstalledProduct {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static final Path HOME = Path.of(System.getProperty("launchbench.product.dir",
        "../org.launchbench.product/target/products/org.launchbench.product/linux/gtk/x86_64/launchbench"));

    private InstalledProduct() {
    }

    static Path script() {
        return script(HOME);
    }

    private static Path script(Path home) {
        Path script = home.resolve("launchbench");
        assertTrue(Files.isExecutable(script), "the product's start script is missing or not executable: " + script);
        return script;
    }

    /** Runs the command line with no display, as on a build server; fails the test after 60 s. */
    static Run run(String... args) throws IOException, InterruptedException {
        return run(60, args);
    }

    /** The command line's process, with no display, as on a build server. */
    private static ProcessBuilder headless(Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script(home).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("LAUNCHBENCH_OREKIT_DATA");
        return pb;
    }

    /**
     * Starts a long-running command (a server, say) in the background, its standard output and error into a file.
     *
     * @param output where it prints
     */
    static Process start(Path output, String... args) throws IOException {
        return start(output, Map.of(), args);
    }

    /**
     * As {@link #start(Path, String...)}, with environment variables set for it.
     *
     * @param env variables to set (LAUNCHBENCH_VMARGS, say)
     */
    static Process start(Path output, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = headless(HOME, args);
        pb.environment().putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    }

    /** Runs the command line with no display; fails the test after the given seconds. */
    static Run run(int seconds, String... args) throws IOException, InterruptedException {
        return runIn(HOME, seconds, args);
    }

    /** Runs the command line of another installation (a copy of the product) with no display; fails after the given seconds. */
    static Run runIn(Path home, int seconds, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = headless(home, args);
        Path out = Files.createTempFile("launchbench-out", ".txt");
        Path err = Files.createTempFile("launchbench-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("launchbench " + String.join(" ", args) + " did not finish in " + seconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

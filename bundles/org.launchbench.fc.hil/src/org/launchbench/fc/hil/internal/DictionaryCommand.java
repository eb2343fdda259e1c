package org.launchbench.fc.hil.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.DictionaryFiles;
import org.launchbench.fc.ccsds.ShippedDictionaries;
import org.launchbench.fc.ccsds.xtce.XtceReader;
import org.launchbench.fc.ccsds.xtce.XtceWriter;
import org.osgi.service.component.annotations.Component;

/**
 * {@code launchbench dictionary export|import}: a packet dictionary to and from XTCE 1.2, the ground systems' and flight
 * software teams' format (docs/xtce.md).
 */
@Component(service = CliCommand.class)
public final class DictionaryCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of(), Set.of("--format", "--out", "--dictionary", "--system"));

    @Override
    public String name() {
        return "dictionary";
    }

    @Override
    public String summary() {
        return "export a packet dictionary as XTCE for ground systems, or import one from XTCE";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench dictionary export [--format xtce|json] [--dictionary FILE.json] [--system NAME] [--out FILE]
                   launchbench dictionary import FILE.xml [--out FILE.json]

            export writes a packet dictionary (default: the landing dictionary the bench flies) as an XTCE 1.2
            space system (docs/xtce.md): the CCSDS primary header, the CUC time, the CRC-16 packet error control,
            each telemetry packet a container restricted to its APID, each telecommand a meta-command with its
            arguments. A ground system such as Yamcs decodes the bench's packets with it.
            import reads an XTCE file in that layout back to LaunchBench's JSON; a construct LaunchBench cannot
            represent is refused naming its element, never dropped.
              --format      xtce (default) or json
              --dictionary  a dictionary file to export (JSON, or XTCE: .xml)
              --system      the root space system's name (default: the dictionary file's name, 'landing' for the
                            shipped one)
              --out FILE    write it there (atomically) instead of to standard output
            Exit 0 when written, 2 for bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        if (args.positionals().isEmpty() || !List.of("export", "import").contains(args.positionals().get(0))) {
            throw InvalidInputException.because("needs what to do").element("dictionary").value(args.positionals().isEmpty() ? "nothing"
                : args.positionals().get(0)).allowed("export or import").fix("see launchbench help dictionary").build();
        }
        Optional<Path> out = args.value("--out").map(Path::of);
        out.ifPresent(f -> AtomicTextFile.checkTarget(f, "--out"));
        String text;
        if (args.positionals().get(0).equals("export")) {
            args.expectPositionals(1, "export|import");
            String format = args.value("--format").orElse("xtce");
            Optional<Path> file = args.value("--dictionary").map(Path::of);
            PacketDictionary d = file.map(DictionaryFiles::read).orElseGet(ShippedDictionaries::landing);
            // the file's name without its extension, what a space system's name cannot hold made '_'
            String system = args.value("--system").orElse(file.map(f -> f.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9_-]", "_")).orElse("landing"));
            if (!system.matches("[A-Za-z0-9_-]+")) {
                throw InvalidInputException.because("is not a space system name").element("--system").value(system)
                    .allowed("letters, digits, _ and -").fix("give --system NAME").build();
            }
            text = switch (format) {
                case "xtce" -> XtceWriter.write(d, system);
                case "json" -> d.toJson();
                default -> throw InvalidInputException.because("is not a format").element("--format").value(format).allowed("xtce, json")
                    .build();
            };
        } else {
            args.expectPositionals(2, "import", "FILE.xml");
            for (String option : List.of("--format", "--dictionary", "--system")) {
                if (args.value(option).isPresent()) {
                    throw InvalidInputException.because("only means something with export").element(option).value(args.value(option).get())
                        .build();
                }
            }
            text = XtceReader.read(Path.of(args.positionals().get(1))).toJson();
        }
        if (out.isPresent()) {
            AtomicTextFile.write(out.get(), w -> w.write(text));
        } else {
            invocation.out().print(text);
            invocation.out().flush();
        }
        return ExitCode.OK;
    }

}

package org.launchbench.campaign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.core.TemporaryFiles;

/**
 * The finished runs of a campaign that could not finish (its cluster's members all left), kept exactly: the campaign's
 * digest, its run count, and each finished run's encoded result. A later command resumes from it ({@code --resume}),
 * flying only the other runs, so that its CSV and summary are those of an uninterrupted campaign. A journal of another
 * campaign (other files, parameters, run count or product) is refused.
 */
public final class CampaignJournal {

    private static final int MAGIC = 0x4C424A31; // "LBJ1"

    private CampaignJournal() {
    }

    /**
     * Writes a journal atomically.
     *
     * @param file     where
     * @param digest   the campaign's {@link CampaignDefinition#digest()}
     * @param runs     the campaign's run count
     * @param finished the finished runs' encoded results, by index
     */
    public static void write(Path file, String digest, int runs, SortedMap<Integer, byte[]> finished) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(digest);
            out.writeInt(runs);
            out.writeInt(finished.size());
            for (Map.Entry<Integer, byte[]> e : finished.entrySet()) {
                out.writeInt(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path tmp = TemporaryFiles.createFor(file);
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunFailedException("the finished runs could not be kept in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file   a journal
     * @param digest the campaign being resumed
     * @param runs   its run count
     * @param option the option that named it, for messages
     * @return the finished runs' encoded results, by index
     * @throws InvalidInputException for a file that is not a journal, or one of another campaign
     */
    public static SortedMap<Integer, byte[]> read(Path file, String digest, int runs, String option) {
        byte[] bytes = InputFiles.read(file, "a campaign journal (FILE.partial)", CampaignDefinition.MAX_BYTES + (long) runs * 4096);
        SortedMap<Integer, byte[]> finished = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw notOne(file, option, "it is not a campaign journal");
            }
            String of = in.readUTF();
            int count = in.readInt();
            if (!of.equals(digest) || count != runs) {
                throw notOne(file, option, "it is the journal of another campaign (other files, parameters, run count or product)");
            }
            int n = in.readInt();
            for (int k = 0; k < n; k++) {
                int index = in.readInt();
                int length = in.readInt();
                if (index < 0 || index >= runs || length < 0 || length > in.available()) {
                    throw notOne(file, option, "it is damaged");
                }
                byte[] result = new byte[length];
                in.readFully(result);
                finished.put(index, result);
            }
        } catch (IOException e) {
            throw notOne(file, option, "it is truncated");
        }
        return finished;
    }

    private static InvalidInputException notOne(Path file, String option, String why) {
        return InvalidInputException.because("cannot be resumed from: " + why).source(file.toString()).element(option)
            .fix("resume with the journal the same command wrote, or run the campaign again without " + option).build();
    }
}

package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.List;

import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.cli.Arguments;
import org.launchbench.core.InvalidInputException;

/** The cluster options {@code dispersion} and {@code sweep} share: one meaning, one set of messages. */
final class Campaigns {

    private Campaigns() {
    }

    /**
     * @param args    the command's arguments
     * @param cluster the cluster back end installed (null: none)
     * @return the cluster to fly on ({@code --cluster}), or null for this machine; the secret is required with it, and
     *         the cluster options without {@code --cluster} are a mistake, not ignored
     */
    static ClusterAccess access(Arguments args, ClusterCampaigns cluster) {
        if (args.value("--cluster").isEmpty()) {
            for (String option : List.of("--secret-file", "--cluster-name")) {
                if (args.value(option).isPresent()) {
                    throw InvalidInputException.because("only means something with --cluster").element(option).value(args.value(option).get())
                        .fix("add --cluster HOST:PORT,... to fly the runs on a cluster, or drop " + option).build();
                }
            }
            return null;
        }
        List<ClusterAccess.Address> members = ClusterAccess.addresses(args.value("--cluster").get(), "--cluster");
        String name = ClusterAccess.name(args.value("--cluster-name").orElse(ClusterAccess.DEFAULT_NAME), "--cluster-name");
        byte[] secret = ClusterAccess.secret(Path.of(args.value("--secret-file").orElseThrow(() -> InvalidInputException
            .because("a cluster campaign needs the cluster's shared secret").element("--secret-file").value("none")
            .allowed("--secret-file F, the file the workers were started with").build())), "--secret-file");
        if (cluster == null) {
            throw InvalidInputException.because("no cluster back end is installed").element("--cluster").value(args.value("--cluster").get())
                .fix("install org.launchbench.campaign.hazelcast, or fly the runs here without --cluster").build();
        }
        return new ClusterAccess(members, name, secret);
    }
}

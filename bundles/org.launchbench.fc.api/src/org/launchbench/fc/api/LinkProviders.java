package org.launchbench.fc.api;

import java.util.Collection;
import java.util.stream.Collectors;

import org.launchbench.core.InvalidInputException;

/** Picks the link provider a user names among those the runtime has. */
public final class LinkProviders {

    /** The protocol used when none is named: CCSDS space packets. */
    public static final String DEFAULT_PROTOCOL = "ccsds";

    private LinkProviders() {
    }

    /**
     * @param providers the providers installed
     * @param protocol  the protocol named
     * @param option    the option it came from, for the message
     * @return the provider of that protocol
     * @throws InvalidInputException naming the protocol and those installed
     */
    public static LinkProvider choose(Collection<LinkProvider> providers, String protocol, String option) {
        return providers.stream().filter(p -> p.protocol().equals(protocol)).findFirst().orElseThrow(() -> InvalidInputException
            .because("no installed bundle provides this flight-computer protocol").element(option).value(protocol)
            .allowed(providers.isEmpty() ? "none installed (install org.launchbench.fc.ccsds)"
                : providers.stream().map(LinkProvider::protocol).sorted().collect(Collectors.joining(", ")))
            .build());
    }
}

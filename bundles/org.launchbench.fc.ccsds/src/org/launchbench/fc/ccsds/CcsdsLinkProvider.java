package org.launchbench.fc.ccsds;

import java.time.Duration;

import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkProvider;
import org.launchbench.fc.api.PacketDictionary;
import org.osgi.service.component.annotations.Component;

/** CCSDS space packets as a {@link LinkProvider} ("ccsds"). */
@Component(service = LinkProvider.class)
public final class CcsdsLinkProvider implements LinkProvider {

    @Override
    public String protocol() {
        return "ccsds";
    }

    @Override
    public FlightComputerLink connect(Endpoint endpoint, PacketDictionary dictionary, Duration silence) {
        return CcsdsLink.connect(endpoint, dictionary, silence);
    }

    @Override
    public FlightComputerLink listen(Endpoint endpoint, PacketDictionary dictionary, Duration silence) {
        return CcsdsLink.listen(endpoint, dictionary, silence);
    }
}

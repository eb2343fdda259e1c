package org.launchbench.fc.api;

/**
 * What a link has seen. A link is bad input by nature: every fault is counted, none stops it.
 *
 * @param packetsSent      packets written
 * @param packetsReceived  valid packets taken
 * @param packetsCorrupt   packets refused: bad CRC, wrong length, bad header, a field that does not decode
 * @param packetsLost      gaps in the sequence counts
 * @param packetsDuplicate a sequence count seen again at once
 * @param packetsOutOfOrder a sequence count behind the last one (within half the count range)
 * @param unknownApid      packets of an APID the dictionary does not know
 * @param bytesDiscarded   bytes skipped to resynchronise a byte stream
 * @param sendsFailed      packets the transport refused to send (no peer yet, the peer gone)
 * @param sequenceResyncs  times an APID's count restarted (a peer restarted) and was followed
 * @param listenerErrors   exceptions a subscriber threw, caught so that the link keeps receiving
 */
public record LinkStatistics(long packetsSent, long packetsReceived, long packetsCorrupt, long packetsLost, long packetsDuplicate,
                             long packetsOutOfOrder, long unknownApid, long bytesDiscarded, long sendsFailed, long sequenceResyncs,
                             long listenerErrors) {

    /** Nothing seen yet. */
    public static final LinkStatistics NONE = new LinkStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

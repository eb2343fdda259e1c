package org.launchbench.fc.api;

/**
 * What a link has seen in its session: a connecting end's whole life, or a listening end's time with one peer (a
 * new peer starts new counts). A link is bad input by nature: every fault is counted, none stops it, and each
 * packet is counted under one fault at most.
 *
 * @param packetsSent      packets written
 * @param packetsReceived  valid packets taken
 * @param packetsCorrupt   packets refused: bad CRC, wrong length, bad header, a field that does not decode
 * @param packetsLost      sequence counts that never arrived, corrupt or intact (at most what the time they span held)
 * @param packetsDuplicate a sequence count that had arrived already
 * @param packetsOutOfOrder a count that arrived after later ones (late, dropped: the loop has moved past it)
 * @param unknownApid      packets of an APID the dictionary does not know
 * @param bytesDiscarded   bytes skipped to resynchronise a byte stream
 * @param sendsFailed      packets the transport refused to send (no peer yet, the peer gone)
 * @param sequenceResyncs  times an APID's count restarted (a peer restarted) and was followed
 * @param listenerErrors   exceptions a subscriber threw, caught so that the link keeps receiving
 * @param packetsForeign   datagrams or packets from another address or connection than the session's peer, dropped
 * @param packetsStale     packets from the peer behind the sequence window, or with their time going backwards
 *                         (replays), dropped
 */
public record LinkStatistics(long packetsSent, long packetsReceived, long packetsCorrupt, long packetsLost, long packetsDuplicate,
                             long packetsOutOfOrder, long unknownApid, long bytesDiscarded, long sendsFailed, long sequenceResyncs,
                             long listenerErrors, long packetsForeign, long packetsStale) {

    /** Nothing seen yet. */
    public static final LinkStatistics NONE = new LinkStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

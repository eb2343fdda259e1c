package org.launchbench.fc.ccsds;

import java.util.function.Consumer;

import org.launchbench.fc.api.Packet;

/**
 * The receiving side of a link: datagrams (one packet each) or a byte stream (framed here, resynchronised after
 * garbage by skipping an octet at a time until a header the dictionary recognises, with the right length and a
 * matching CRC, starts the buffer), then sequence checking per APID. Every fault is counted; nothing throws, and the
 * buffer never holds more than one packet's worth beyond what arrived.
 * <p>
 * Sequence counts (14 bits, per APID): one ahead is in order; a gap of k counts k lost packets and takes the
 * packet; the same count again is a duplicate, and a count behind (by less than half the range) is out of order:
 * both are dropped, since a real-time loop has already moved past them. After {@value #RESYNC} refused in a row,
 * the APID's count is taken to have restarted (the peer restarted) and is followed again: counted as a resync. Not
 * thread-safe: one receiving thread.
 */
public final class PacketReceiver {

    private final PacketCodec codec;
    private final LinkCounters counters;
    private final Consumer<Packet> out;
    /** Refused counts in a row after which an APID's count is followed again. */
    static final int RESYNC = 3;
    private final int[] last = new int[2048];
    private final int[] refused = new int[2048];
    private byte[] buffer;
    private int size;

    /**
     * @param codec    the dictionary's codec
     * @param counters where faults are counted
     * @param out      takes each valid, in-order packet
     */
    public PacketReceiver(PacketCodec codec, LinkCounters counters, Consumer<Packet> out) {
        this.codec = codec;
        this.counters = counters;
        this.out = out;
        java.util.Arrays.fill(last, -1);
        buffer = new byte[Math.max(64, 2 * codec.maxLength())];
    }

    /** Takes one datagram: exactly one packet, or it is refused whole. @return whether it was a valid packet */
    public boolean datagram(byte[] b, int off, int len) {
        PacketCodec.Decoded d = codec.decode(b, off, len);
        if (d.fault() == null && d.length() != len) {
            counters.corrupt.incrementAndGet();
            return false;
        }
        judge(d);
        return d.fault() == null;
    }

    /** Forgets every APID's count: a new peer or connection starts its own. */
    public void newPeer() {
        java.util.Arrays.fill(last, -1);
        java.util.Arrays.fill(refused, 0);
    }

    /** Takes the next octets of a byte stream. */
    public void stream(byte[] b, int off, int len) {
        if (size + len > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + len));
        }
        System.arraycopy(b, off, buffer, size, len);
        size += len;
        int start = 0;
        while (size - start >= SpacePacket.HEADER) {
            PacketCodec.Decoded d = codec.decode(buffer, start, size - start);
            if (d.fault() == PacketCodec.Fault.TRUNCATED) {
                break;
            }
            if (d.fault() == null || d.fault() == PacketCodec.Fault.BAD_VALUE) {
                judge(d);
                start += d.length();
            } else if (d.fault() == PacketCodec.Fault.UNKNOWN_APID && d.length() <= size - start
                && PacketCodec.crcMatches(buffer, start, d.length())) {
                // a whole, intact packet of an APID this dictionary does not have: skipped as one
                counters.unknownApid.incrementAndGet();
                start += d.length();
            } else {
                // not a packet here: a CRC failure under a plausible header counts as a corrupt packet, then the
                // stream resynchronises an octet at a time
                if (d.fault() == PacketCodec.Fault.BAD_CRC) {
                    counters.corrupt.incrementAndGet();
                }
                counters.discarded.incrementAndGet();
                start++;
            }
        }
        System.arraycopy(buffer, start, buffer, 0, size - start);
        size -= start;
        // a header that announced a plausible packet whose octets never come cannot hold the buffer forever: the
        // decode above only waits for a packet of the dictionary's sizes, so the buffer stays under two packets
    }

    /** @return octets of a byte stream held back: the start of a packet, or fewer than a header's worth */
    public int buffered() {
        return size;
    }

    private void judge(PacketCodec.Decoded d) {
        if (d.fault() != null) {
            if (d.fault() == PacketCodec.Fault.UNKNOWN_APID) {
                counters.unknownApid.incrementAndGet();
            } else {
                counters.corrupt.incrementAndGet();
            }
            return;
        }
        Packet p = d.packet();
        int apid = p.definition().apid();
        int count = p.sequenceCount();
        int previous = last[apid];
        if (previous >= 0) {
            int ahead = Math.floorMod(count - previous, SpacePacket.COUNT_MODULUS);
            if (ahead == 0 || ahead > SpacePacket.COUNT_MODULUS / 2) {
                if (++refused[apid] < RESYNC) {
                    (ahead == 0 ? counters.duplicate : counters.outOfOrder).incrementAndGet();
                    return;
                }
                counters.resyncs.incrementAndGet();
            } else {
                counters.lost.addAndGet(ahead - 1);
            }
        }
        refused[apid] = 0;
        last[apid] = count;
        counters.received.incrementAndGet();
        out.accept(p);
    }
}

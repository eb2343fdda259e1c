package org.launchbench.fc.ccsds;

import java.util.function.Consumer;

import org.launchbench.fc.api.Packet;

/**
 * The receiving side of a link: datagrams (one packet each) or a byte stream (framed here, resynchronised after
 * garbage by skipping an octet at a time until a header the dictionary recognises, with the right length and a
 * matching CRC, starts the buffer), then sequence checking per APID. Every fault is counted; nothing throws, and the
 * buffer never holds more than one packet's worth beyond what arrived.
 * <p>
 * Sequence counts and times are judged per APID by a {@link SequenceWindow}: in order and after a gap taken, late,
 * duplicate and stale packets dropped, a restarted peer followed again. Not thread-safe: one receiving thread.
 */
public final class PacketReceiver {

    private final PacketCodec codec;
    private LinkCounters counters;
    private final Consumer<Packet> out;
    private final SequenceWindow window = new SequenceWindow();
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
        buffer = new byte[Math.max(64, 2 * codec.maxLength())];
    }

    /** Takes one datagram: exactly one packet, or it is refused whole. @return whether it was a valid packet */
    public boolean datagram(byte[] b, int off, int len) {
        PacketCodec.Decoded d = codec.decode(b, off, len);
        if (d.fault() == PacketCodec.Fault.UNKNOWN_APID && !(d.length() == len && codec.intact(b, off, len))) {
            // a damaged header can name an APID the dictionary lacks: only an intact packet is of an unknown APID
            counters.corrupt.incrementAndGet();
            return false;
        }
        if (d.fault() == null && d.length() != len) {
            counters.corrupt.incrementAndGet();
            return false;
        }
        judge(d);
        return d.fault() == null;
    }

    /**
     * Counts into these counters from now on, with what it has counted so far (a connection that becomes a session's
     * peer: its first packet, and what came before it, are the session's).
     */
    void countInto(LinkCounters session) {
        counters.addTo(session);
        this.counters = session;
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
                && codec.intact(buffer, start, d.length())) {
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
        if (window.judge(p.definition().apid(), p.sequenceCount(), p.time(), counters) == SequenceWindow.Verdict.TAKE) {
            counters.received.incrementAndGet();
            out.accept(p);
        }
    }
}

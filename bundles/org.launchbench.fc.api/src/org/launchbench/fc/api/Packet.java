package org.launchbench.fc.api;

import java.util.Map;

/**
 * A decoded packet: its dictionary entry, its values by field name, and its header's sequence count and time.
 *
 * @param definition     the dictionary's entry
 * @param values         field name to value (integers as exact doubles)
 * @param sequenceCount  0 to 16383
 * @param time           seconds of the packet's time code (mission elapsed time, or the agency epoch's)
 */
public record Packet(PacketDictionary.Packet definition, Map<String, Double> values, int sequenceCount, double time) {

    /** @param field a field's name; @return its value @throws IllegalArgumentException when the packet has no such field */
    public double value(String field) {
        Double v = values.get(field);
        if (v == null) {
            throw new IllegalArgumentException(definition.name() + " has no field " + field);
        }
        return v;
    }
}

package org.launchbench.fc.ccsds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.launchbench.fc.api.PacketDictionary;

/** The packet dictionaries this bundle ships (in {@code dictionaries/}). */
public final class ShippedDictionaries {

    private ShippedDictionaries() {
    }

    /** @return the landing loop's: IMU, GNSS, altimeter and engine-state telemetry; engine, fin and RCS commands */
    public static PacketDictionary landing() {
        return read("landing.json");
    }

    private static PacketDictionary read(String name) {
        try (InputStream in = ShippedDictionaries.class.getResourceAsStream("/dictionaries/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks dictionaries/" + name);
            }
            return PacketDictionary.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new IllegalStateException("the bundle's dictionaries/" + name + " cannot be read", e);
        }
    }
}

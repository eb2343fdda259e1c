package org.launchbench.benchmarks;

import java.util.List;

import org.launchbench.fc.api.PacketDictionary;

/** The link benchmarks' packets: the landing loop's IMU report and a three-float engine command. */
final class LinkDictionary {

    static final PacketDictionary PACKETS = new PacketDictionary("benchmark", List.of(
        new PacketDictionary.Packet("imu", 100, PacketDictionary.Direction.TELEMETRY, List.of(f("ax"), f("ay"), f("az"), f("wx"), f("wy"),
            f("wz"))),
        new PacketDictionary.Packet("engine-command", 200, PacketDictionary.Direction.TELECOMMAND, List.of(f("throttle"), f("pitch"),
            f("yaw")))));

    private LinkDictionary() {
    }

    private static PacketDictionary.Field f(String name) {
        return new PacketDictionary.Field(name, PacketDictionary.FieldType.F32, "");
    }
}

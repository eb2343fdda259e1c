package org.launchbench.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;

/**
 * How to reach a cluster and prove one belongs to it: members to contact, the cluster's name and the shared secret
 * (issue 24: a cluster name and a shared secret are required to join; members are named, nothing joins by accident).
 * The parsers here give the options the same rules and messages in {@code worker}, {@code dispersion} and {@code sweep}
 * (the public command lines name them differently: the worker's {@code --cluster NAME} is the others'
 * {@code --cluster-name NAME}, their {@code --cluster} the members to reach).
 *
 * @param members     members to contact
 * @param clusterName the cluster's name
 * @param secret      the shared secret's bytes
 */
public record ClusterAccess(List<Address> members, String clusterName, byte[] secret) {

    /** The cluster name when none is given. */
    public static final String DEFAULT_NAME = "launchbench";
    /** The fewest bytes of a secret: 128 bits of a random one. */
    public static final int MIN_SECRET_BYTES = 16;
    /** The most: a secret file is a line, not a document. */
    public static final int MAX_SECRET_BYTES = 4096;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");

    public ClusterAccess {
        members = List.copyOf(members);
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /**
     * A member's address.
     *
     * @param host a host name or IPv4 address
     * @param port its port
     */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * @param text   HOST:PORT
     * @param option the option it was given to, for messages
     * @return the address
     */
    public static Address address(String text, String option) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (colon <= 0 || port < 1 || port > 65_535 || !HOST.matcher(t.substring(0, colon)).matches()) {
            throw InvalidInputException.because("not a member address").element(option).value(text)
                .allowed("HOST:PORT, a host name or IPv4 address and a port from 1 to 65535").build();
        }
        return new Address(t.substring(0, colon), port);
    }

    /**
     * @param text   HOST:PORT,HOST:PORT,...
     * @param option the option, for messages
     * @return the addresses, in the order given, without repeats
     */
    public static List<Address> addresses(String text, String option) {
        List<Address> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Address a = address(part, option);
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        if (out.size() > 1_000) {
            throw InvalidInputException.because("too many members").element(option).value(out.size()).allowed("at most 1000").build();
        }
        return out;
    }

    /**
     * @param name   a cluster name
     * @param option the option, for messages
     * @return the name, checked
     */
    public static String name(String name, String option) {
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.because("not a cluster name").element(option).value(name)
                .allowed("1 to 63 letters, digits, dots, dashes and underscores, starting with a letter or digit").build();
        }
        return name;
    }

    /**
     * Reads a shared secret: the file's bytes, without a trailing line end.
     *
     * @param file   the secret file
     * @param option the option, for messages
     * @return the secret
     */
    public static byte[] secret(Path file, String option) {
        byte[] bytes = InputFiles.read(file, "secret file", MAX_SECRET_BYTES);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end < MIN_SECRET_BYTES) {
            throw InvalidInputException.because("the shared secret is too short to keep anyone out").source(file.toString()).element(option)
                .value(end + " bytes").allowed("at least " + MIN_SECRET_BYTES + " bytes")
                .fix("make one with: head -c 32 /dev/urandom | base64 > " + file.getFileName()).build();
        }
        return Arrays.copyOf(bytes, end);
    }

    /** @return a description for messages: NAME at HOST:PORT,... (never the secret) */
    public String describe() {
        return "cluster " + clusterName + " at " + String.join(",", members.stream().map(Address::toString).toList());
    }

    /** Used only to keep the secret out of logs and messages. */
    @Override
    public String toString() {
        return describe();
    }
}

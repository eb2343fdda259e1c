package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.launchbench.campaign.ClusterAccess;
import org.launchbench.core.InvalidInputException;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;

/**
 * The Hazelcast configurations of a worker member and of the client a campaign asks through, with issue 24's security:
 * the cluster name derived from the secret ({@link ClusterSecurity}), binding to the interface given only, no multicast
 * or automatic discovery (members are named), no phone-home, Hazelcast's own logging off (the commands say what
 * happens), and a class loader that sees both this bundle's task types and Hazelcast's own classes.
 */
final class ClusterConfigs {

    /** The executor the campaign tasks run on. */
    static final String EXECUTOR = "launchbench-campaigns";
    /** Member attributes: the product a member runs, and its processors. */
    static final String PRODUCT = "launchbench.product";
    static final String CORES = "launchbench.cores";

    static {
        // Hazelcast's own logger is chosen from this system property when its first class logs (a configuration's
        // property comes too late for the start-up warnings): the commands say what happens, in their own words
        System.setProperty("hazelcast.logging.type", "none");
    }

    private ClusterConfigs() {
    }

    /**
     * @param bind    the address to bind and to be reached at
     * @param members the other members to join (may include this one)
     * @param name    the cluster's name
     * @param secret  the shared secret
     * @param product the product this member runs
     * @param cores   the campaign tasks it runs at once
     * @param context the worker's state, for the tasks
     * @return the member's configuration
     */
    static Config member(ClusterAccess.Address bind, List<ClusterAccess.Address> members, String name, byte[] secret, String product,
                         int cores, MemberContext context) {
        Config config = new Config();
        config.setClusterName(ClusterSecurity.hazelcastName(name, secret));
        config.setInstanceName("launchbench-worker-" + bind.port());
        config.setClassLoader(loader());
        quiet(config::setProperty);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.shutdownhook.policy", "TERMINATE");
        NetworkConfig net = config.getNetworkConfig();
        String ip = ip(bind.host(), "--bind");
        net.setPort(bind.port()).setPortAutoIncrement(false);
        net.setPublicAddress(ip + ":" + bind.port());
        net.getInterfaces().setEnabled(true).addInterface(ip);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        join.getTcpIpConfig().addMember(ip + ":" + bind.port());
        for (ClusterAccess.Address a : members) {
            join.getTcpIpConfig().addMember(ip(a.host(), "--members") + ":" + a.port());
        }
        config.getExecutorConfig(EXECUTOR).setPoolSize(cores).setStatisticsEnabled(false);
        config.getMemberAttributeConfig().setAttribute(PRODUCT, product).setAttribute(CORES, Integer.toString(cores));
        config.getSerializationConfig().addDataSerializableFactory(CampaignSerialization.FACTORY_ID, new CampaignSerialization());
        config.getUserContext().put(MemberContext.KEY, context);
        return config;
    }

    /**
     * @param access the cluster to ask
     * @param connectTimeoutMs how long to try to reach it before giving up
     * @return the client's configuration
     */
    static ClientConfig client(ClusterAccess access, long connectTimeoutMs) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(ClusterSecurity.hazelcastName(access.clusterName(), access.secret()));
        config.setInstanceName("launchbench-campaign-" + ProcessHandle.current().pid());
        config.setClassLoader(loader());
        quiet(config::setProperty);
        config.setProperty("hazelcast.client.statistics.enabled", "false");
        for (ClusterAccess.Address a : access.members()) {
            config.getNetworkConfig().addAddress(ip(a.host(), "--cluster") + ":" + a.port());
        }
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectTimeoutMs)
            .setInitialBackoffMillis(200).setMaxBackoffMillis(1_000);
        config.getSerializationConfig().addDataSerializableFactory(CampaignSerialization.FACTORY_ID, new CampaignSerialization());
        return config;
    }

    private static void quiet(java.util.function.BiConsumer<String, String> property) {
        property.accept("hazelcast.logging.type", "none");
        property.accept("hazelcast.phone.home.enabled", "false");
    }

    /** @return the IPv4 or IPv6 address of a host name, as Hazelcast's interface and member lists want it */
    static String ip(String host, String option) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw InvalidInputException.because("the host is not known").element(option).value(host)
                .fix("give a host name this machine resolves, or an IP address").build(e);
        }
    }

    /**
     * @return a loader that finds this bundle's classes (the tasks, the factory) and everything Hazelcast's own bundle
     *         finds, resources included: Hazelcast loads its services and configuration through the configured loader
     */
    static ClassLoader loader() {
        ClassLoader ours = ClusterConfigs.class.getClassLoader();
        ClassLoader hazelcast = Hazelcast.class.getClassLoader();
        return new ClassLoader(ours) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                return hazelcast.loadClass(name);
            }

            @Override
            protected URL findResource(String name) {
                return hazelcast.getResource(name);
            }

            @Override
            protected Enumeration<URL> findResources(String name) throws IOException {
                Set<URL> all = new LinkedHashSet<>(Collections.list(hazelcast.getResources(name)));
                return Collections.enumeration(all);
            }
        };
    }
}

package org.payswitch.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster mode (docs/cluster.md): {@code cluster} lists every member's host and base port, in
 * member-id order, and {@code cluster-member} says which one this process is; without
 * {@code cluster} the switch runs standalone. A member uses five UDP ports from its base port
 * ({@link #INGRESS} ... {@link #ARCHIVE}) and keeps its cluster folders in its data folder. The
 * secret the members share ({@code cluster-key-file}) defaults to {@code cluster.key} beside
 * the data folder, so members whose data folders sit side by side on one machine share it.
 *
 * @param members          each member's {@code host:port}, index = member id; empty when standalone
 * @param memberId         this member's id
 * @param keyFile          the file of the key the members share (null when standalone)
 * @param heartbeatTimeout how long followers wait for the leader's heartbeat before electing another
 */
public record ClusterConfig(List<Member> members, int memberId, Path keyFile, Duration heartbeatTimeout)
{
    /** Offset of the ingress port from a member's base port: requests from the members' gateways. */
    public static final int INGRESS = 0;
    /** Offset of the consensus port: the members' votes and positions. */
    public static final int CONSENSUS = 1;
    /** Offset of the log port: the leader's log to the followers. */
    public static final int LOG = 2;
    /** Offset of the catch-up port: a member that fell behind replays the log here. */
    public static final int CATCHUP = 3;
    /** Offset of the archive's control port: snapshots and logs copied between members. */
    public static final int ARCHIVE = 4;
    private static final Duration MIN_HEARTBEAT_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);
    /** Most members a cluster may have. */
    public static final int MAX_MEMBERS = 7;

    /** One member's address. */
    public record Member(String host, int basePort)
    {
        /** {@code host:(basePort + offset)}. */
        public String endpoint(final int offset)
        {
            return host + ":" + (basePort + offset);
        }
    }

    /** The settings and their defaults (standalone) as text. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("cluster", "");
        defaults.put("cluster-member", "0");
        defaults.put("cluster-key-file", "");
        defaults.put("cluster-heartbeat-timeout", "PT1S");
        return defaults;
    }

    /** The settings from the switch's textual values ({@code data-dir} among them). */
    public static ClusterConfig from(final Map<String, String> values)
    {
        final String list = values.getOrDefault("cluster", "").trim();
        final Duration heartbeat = heartbeatTimeout(values.getOrDefault("cluster-heartbeat-timeout", "PT1S").trim());
        if (list.isEmpty())
        {
            return new ClusterConfig(List.of(), 0, null, heartbeat);
        }
        final List<Member> members = new ArrayList<>();
        for (final String entry : list.split(","))
        {
            members.add(member(entry.trim()));
        }
        if (members.size() > MAX_MEMBERS)
        {
            throw new ConfigException("cluster: at most " + MAX_MEMBERS + " members, was " + members.size());
        }
        final String id = values.getOrDefault("cluster-member", "0").trim();
        final int memberId;
        try
        {
            memberId = Integer.parseInt(id);
        }
        catch (final NumberFormatException e)
        {
            throw new ConfigException("cluster-member: not a number: '" + id + "'");
        }
        if (memberId < 0 || memberId >= members.size())
        {
            throw new ConfigException("cluster-member: 0.." + (members.size() - 1) + " (an index into cluster), was " +
                memberId);
        }
        final Path dataDir = Path.of(values.getOrDefault("data-dir", ".").trim()).toAbsolutePath().normalize();
        final String file = values.getOrDefault("cluster-key-file", "").trim();
        final Path secret = file.isEmpty() ? dataDir.resolveSibling("cluster.key") :
            Path.of(file).toAbsolutePath().normalize();
        if (secret.startsWith(dataDir))
        {
            throw new ConfigException("cluster-key-file: " + secret + " is inside the data folder " + dataDir +
                ": keep the secret apart from the data it protects");
        }
        return new ClusterConfig(List.copyOf(members), memberId, secret, heartbeat);
    }

    /** True when the switch runs as a member of a cluster. */
    public boolean enabled()
    {
        return !members.isEmpty();
    }

    /**
     * True when every member is on this machine's loopback: the cluster's UDP traffic (ingress,
     * consensus, log, archive), which Aeron neither authenticates nor encrypts, then never leaves
     * the machine.
     */
    public boolean onLoopback()
    {
        return members.stream().allMatch(member -> AuthConfig.isLoopback(member.host()));
    }

    /** This member's address. */
    public Member self()
    {
        return members.get(memberId);
    }

    private static Member member(final String entry)
    {
        final int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1)
        {
            throw new ConfigException("cluster: each member is host:port, was '" + entry + "'");
        }
        final int port;
        try
        {
            port = Integer.parseInt(entry.substring(colon + 1));
        }
        catch (final NumberFormatException e)
        {
            throw new ConfigException("cluster: not a port in '" + entry + "'");
        }
        if (port < 1 || port > 65_535 - ARCHIVE)
        {
            throw new ConfigException("cluster: a member's base port is 1.." + (65_535 - ARCHIVE) +
                " (it uses five ports from it), was " + port);
        }
        return new Member(entry.substring(0, colon), port);
    }

    private static Duration heartbeatTimeout(final String text)
    {
        try
        {
            final Duration value = Duration.parse(text);
            if (value.compareTo(MIN_HEARTBEAT_TIMEOUT) < 0 || value.compareTo(MAX_HEARTBEAT_TIMEOUT) > 0)
            {
                throw new ConfigException("cluster-heartbeat-timeout: PT0.1S..PT60S, was " + value);
            }
            return value;
        }
        catch (final DateTimeParseException e)
        {
            throw new ConfigException("cluster-heartbeat-timeout: not an ISO-8601 duration (e.g. PT1S): '" + text + "'");
        }
    }
}

package org.payswitch.gateway;

import java.util.Map;

/**
 * The {@code --help} line of each setting: its value's label and one sentence, condensed from the
 * table of docs/operations.md. Every key of {@code SwitchConfig.defaults()} must have one, so a new
 * setting cannot reach the command line undocumented.
 */
record SettingHelp(String label, String text)
{
    private static final Map<String, SettingHelp> HELP = Map.ofEntries(
        help("data-dir", "DIR", "journal (and snapshots)"),
        help("http-port", "PORT", "HTTP/JSON port; 0 picks a free one"),
        help("iso-port", "PORT", "ISO 8583 port; 0 picks a free one"),
        help("bind", "ADDRESS", "listen address; off loopback the callers' settings are required"),
        help("demo-cards", "N", "demo cards loaded on an empty data folder; 0 loads no demo data"),
        help("admin-token", "TOKEN", "bearer token of the operator endpoints, after admin-token-file and "
            + "PAYSWITCH_ADMIN_TOKEN"),
        help("zone", "ZONE", "the switch's day for daily limits and campaign days"),
        help("hold-expiry", "DURATION", "life of an uncaptured hold (ISO-8601 duration)"),
        help("journal-sync", "BOOLEAN", "force every journal batch to disk before its answers leave"),
        help("ring-size", "N", "ring slots (a power of two): requests in flight before 91"),
        help("wait-strategy", "STRATEGY", "how idle stages wait: PARKING, SLEEPING, BLOCKING, YIELDING, BUSY_SPIN"),
        help("pipeline-layout", "LAYOUT", "FUSED (the three stages on one thread) or STAGED (a thread each)"),
        help("max-queue-delay", "DURATION", "a request that waited longer in the ring is answered 91 unexecuted; "
            + "the ring admits what is decided in half of it"),
        help("io-threads", "N", "Netty I/O threads serving both ports; 2 for a switch driven past capacity "
            + "on shared cores"),
        help("snapshot-interval", "DURATION", "how often a snapshot is taken"),
        help("journal-retention-days", "DAYS", "delete daily journal files older than this once two snapshots "
            + "cover them; 0 keeps all"),
        help("tls-http", "BOOLEAN", "HTTPS on the HTTP port"),
        help("tls-iso", "BOOLEAN", "TLS on the ISO 8583 port"),
        help("tls-key-store", "FILE", "PKCS12 file with the switch's one key entry"),
        help("tls-key-store-password-file", "FILE", "file whose first line is the key store's password; "
            + "unset: PAYSWITCH_TLS_KEY_STORE_PASSWORD"),
        help("tls-client-auth", "MODE", "NONE, OPTIONAL or REQUIRE: whether a client must show a certificate "
            + "the trust store holds"),
        help("tls-trust-store", "FILE", "PKCS12 file of the certificates client certificates must chain to"),
        help("tls-trust-store-password-file", "FILE", "file whose first line is the trust store's password; "
            + "unset: PAYSWITCH_TLS_TRUST_STORE_PASSWORD"),
        help("max-connections", "N", "open connections per port"),
        help("max-connections-per-address", "N", "open connections per port from one remote address"),
        help("request-deadline", "DURATION", "from a request's first byte until it is whole; a slower sender "
            + "is closed"),
        help("idle-timeout", "DURATION", "a connection that sends nothing this long is closed"),
        help("admin-token-file", "FILE", "file whose first line is the admin token"),
        help("api-keys-file", "FILE", "checkout API keys (SHA-256 and merchants per key id); set: checkout "
            + "calls need a key"),
        help("acquirers-file", "FILE", "the acquirers the ISO 8583 port serves"),
        help("card-key-file", "FILE", "key-encryption key file of the card data at rest, outside the data "
            + "folder; unset on loopback: the demo key file beside it"),
        help("cluster", "HOST:PORT,...", "run as a member of this cluster: every member's host and base port "
            + "(five UDP ports from it), in member-id order; unset: standalone"),
        help("cluster-member", "ID", "this member's id, an index into cluster"),
        help("cluster-key-file", "FILE", "the key every member shares, sealing card data in the cluster's log and "
            + "snapshots; unset: cluster.key beside the data folder, made by the first member"),
        help("cluster-heartbeat-timeout", "DURATION", "silence from the leader after which the others elect "
            + "a new one"));

    /** The help of setting {@code key}. */
    static SettingHelp of(final String key)
    {
        final SettingHelp help = HELP.get(key);
        if (help == null)
        {
            throw new IllegalStateException("setting " + key + " has no --help line");
        }
        return help;
    }

    private static Map.Entry<String, SettingHelp> help(final String key, final String label, final String text)
    {
        return Map.entry(key, new SettingHelp(label, text));
    }
}

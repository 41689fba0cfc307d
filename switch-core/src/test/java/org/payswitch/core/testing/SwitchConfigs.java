package org.payswitch.core.testing;

import java.nio.file.Path;
import java.util.Map;

import org.payswitch.core.config.SwitchConfig;

/** Configurations for tests, built the way the launcher builds them: textual values over the defaults. */
public final class SwitchConfigs
{
    private SwitchConfigs()
    {
    }

    /** The defaults with the given settings over them, as {@code key, value} pairs ({@code "http-port", "0"}). */
    public static SwitchConfig with(final String... keysAndValues)
    {
        if (keysAndValues.length % 2 != 0)
        {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        final Map<String, String> values = SwitchConfig.defaults();
        for (int i = 0; i < keysAndValues.length; i += 2)
        {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SwitchConfig.from(values);
    }

    /**
     * The default configuration with another data folder and ports, a ring of 1 024 and a queue delay
     * of 30 s (tests on a loaded machine run cold code and must not shed), for a switch started in process.
     */
    public static SwitchConfig forTest(final Path dataDir, final int demoCards)
    {
        return with("data-dir", dataDir.toString(), "http-port", "0", "iso-port", "0",
            "demo-cards", Integer.toString(demoCards), "ring-size", "1024", "max-queue-delay", "PT30S");
    }
}

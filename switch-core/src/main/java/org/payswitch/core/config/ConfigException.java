package org.payswitch.core.config;

/** A setting that cannot be used; the message starts with the setting's key. */
public final class ConfigException extends RuntimeException
{
    public ConfigException(final String message)
    {
        super(message);
    }
}

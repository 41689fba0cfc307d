package org.payswitch.core.engine;

/** A merchant as an operator defines it: id (1..15 characters), name, default MCC, enabled. */
public record MerchantDefinition(String merchantId, String name, int mcc, boolean enabled)
{
}

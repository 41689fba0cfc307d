package org.payswitch.core.discount;

import java.time.Duration;

import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Problem;

/**
 * Checks a campaign definition before it is accepted; the message names the bad field, as
 * the operator API reports it.
 */
public final class CampaignValidator
{
    /** Longest campaign id. */
    public static final int MAX_ID_LENGTH = 40;
    /** Campaign windows are at most this long, so per-card month counters cannot alias. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3660);

    private CampaignValidator()
    {
    }

    /** Why the definition is invalid, or null when it is valid. */
    public static Problem validate(final CampaignDefinition definition)
    {
        final String id = definition.campaignId();
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.matches("[A-Za-z0-9_-]+"))
        {
            return Problem.of("campaignId", "1.." + MAX_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        }
        if (definition.funder() == null || definition.funder().isBlank() || definition.funder().length() > 100)
        {
            return Problem.of("funder", "required, at most 100 characters");
        }
        if (definition.binPrefixes().isEmpty())
        {
            return Problem.of("binPrefixes", "at least one BIN prefix");
        }
        for (final String prefix : definition.binPrefixes())
        {
            if (prefix == null || !prefix.matches("[0-9]{6,8}"))
            {
                return Problem.of("binPrefixes", "each is 6 to 8 digits");
            }
        }
        for (final Integer mcc : definition.mccs())
        {
            if (mcc == null || mcc < 0 || mcc > 9999)
            {
                return Problem.of("mccs", "each is a 4-digit merchant category code");
            }
        }
        for (final String merchantId : definition.merchantIds())
        {
            if (merchantId == null || merchantId.isEmpty() || merchantId.length() > 15)
            {
                return Problem.of("merchantIds", "each is 1..15 characters");
            }
        }
        if (!Currencies.isKnown(definition.currency()))
        {
            return Problem.of("currency", "not a known ISO 4217 currency");
        }
        if (definition.startsAt() == null)
        {
            return Problem.of("startsAt", "required");
        }
        if (definition.endsAt() == null || !definition.endsAt().isAfter(definition.startsAt()))
        {
            return Problem.of("endsAt", "required, after startsAt");
        }
        if (Duration.between(definition.startsAt(), definition.endsAt()).compareTo(MAX_WINDOW) > 0)
        {
            return Problem.of("endsAt", "a campaign lasts at most 10 years");
        }
        if (definition.minAmount() < 0 || definition.minAmount() > Money.MAX_AMOUNT)
        {
            return Problem.of("minAmount", "0.." + Money.MAX_AMOUNT);
        }
        final Problem rule = definition.discount() == null ? Problem.of("discount", "required") : definition.discount().validate();
        if (rule != null)
        {
            return rule;
        }
        return validateLimits(definition);
    }

    private static Problem validateLimits(final CampaignDefinition definition)
    {
        if (!isLimit(definition.perCardLimit(), CardUsage.MAX_TOTAL))
        {
            return Problem.of("perCardLimit", "null or 1.." + CardUsage.MAX_TOTAL);
        }
        if (!isLimit(definition.perCardDailyLimit(), CardUsage.MAX_PERIOD))
        {
            return Problem.of("perCardDailyLimit", "null or 1.." + CardUsage.MAX_PERIOD);
        }
        if (!isLimit(definition.perCardMonthlyLimit(), CardUsage.MAX_PERIOD))
        {
            return Problem.of("perCardMonthlyLimit", "null or 1.." + CardUsage.MAX_PERIOD);
        }
        if (!isLimit(definition.budget(), Long.MAX_VALUE - 1))
        {
            return Problem.of("budget", "null or positive");
        }
        if (!isLimit(definition.dailyBudget(), Long.MAX_VALUE - 1))
        {
            return Problem.of("dailyBudget", "null or positive");
        }
        if (!isLimit(definition.maxRedemptions(), Long.MAX_VALUE - 1))
        {
            return Problem.of("maxRedemptions", "null or positive");
        }
        if (!isLimit(definition.dailyMaxRedemptions(), Long.MAX_VALUE - 1))
        {
            return Problem.of("dailyMaxRedemptions", "null or positive");
        }
        return definition.onReversal() == null ? Problem.of("onReversal", "RESTORE or CONSUME") : null;
    }

    private static boolean isLimit(final long value, final long max)
    {
        return value == CampaignDefinition.NO_LIMIT || (value >= 1 && value <= max);
    }
}

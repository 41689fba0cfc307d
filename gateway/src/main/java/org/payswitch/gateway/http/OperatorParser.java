package org.payswitch.gateway.http;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.gateway.json.JsonException;
import org.payswitch.gateway.json.JsonTree;

/**
 * Turns operator and lifecycle request bodies (cards, merchants, campaigns, capture and refund
 * amounts) into typed values, throwing {@link JsonException} that names the field at fault.
 * Off the hot path: parses into maps and allocates freely.
 */
final class OperatorParser
{
    private final Map<String, Object> body;

    private OperatorParser(final Map<String, Object> body)
    {
        this.body = body;
    }

    /** Parses a body that must be a JSON object; an empty body is an empty object. */
    static OperatorParser of(final ByteBuf content)
    {
        if (!content.isReadable())
        {
            return new OperatorParser(Map.of());
        }
        final Object tree = JsonTree.parse(content);
        if (!(tree instanceof Map<?, ?> map))
        {
            throw new JsonException("body: a JSON object is required");
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> object = (Map<String, Object>)map;
        return new OperatorParser(object);
    }

    CardDefinition card()
    {
        final String pan = text("pan");
        final long number = Pan.parse(pan);
        if (number == Pan.INVALID)
        {
            throw new JsonException("pan: 12..19 digits", "pan");
        }
        return new CardDefinition(number, pan.length(), expiry("expiry"), status("status"), currency("currency"),
            amount("creditLimit"), optionalLimit("perTransactionLimit"), optionalLimit("dailyLimit"));
    }

    /** The PAN of a card status change or lookup. */
    String panText()
    {
        final String pan = text("pan");
        if (Pan.parse(pan) == Pan.INVALID)
        {
            throw new JsonException("pan: 12..19 digits", "pan");
        }
        return pan;
    }

    CardStatus status(final String field)
    {
        final CardStatus status = CardStatus.parse(text(field));
        if (status == null)
        {
            throw new JsonException(field + ": ACTIVE, BLOCKED, LOST or STOLEN", field);
        }
        return status;
    }

    MerchantDefinition merchant()
    {
        final String mcc = text("mcc");
        if (!mcc.matches("[0-9]{4}"))
        {
            throw new JsonException("mcc: 4 digits", "mcc");
        }
        final Object enabled = body.getOrDefault("enabled", Boolean.TRUE);
        if (!(enabled instanceof Boolean flag))
        {
            throw new JsonException("enabled: true or false", "enabled");
        }
        return new MerchantDefinition(text("merchantId"), text("name"), Integer.parseInt(mcc), flag);
    }

    CampaignDefinition campaign()
    {
        return new CampaignDefinition(text("campaignId"), text("funder"), strings("binPrefixes"), mccs(),
            strings("merchantIds"), currency("currency"), time("startsAt"), time("endsAt"),
            body.containsKey("minAmount") ? amount("minAmount") : 0, rule(), optionalLimit("perCardLimit"),
            optionalLimit("perCardDailyLimit"), optionalLimit("perCardMonthlyLimit"), optionalLimit("budget"),
            optionalLimit("dailyBudget"), optionalLimit("maxRedemptions"), optionalLimit("dailyMaxRedemptions"),
            onReversal());
    }

    /** True when the body has the field with a non-null value. */
    boolean has(final String field)
    {
        return body.get(field) != null;
    }

    /** An integer field of any sign (the engine decides whether the amount is acceptable). */
    long amount(final String field)
    {
        final Object value = body.get(field);
        if (!(value instanceof Long number))
        {
            throw new JsonException(field + ": an integer number of minor units", field);
        }
        return number;
    }

    String text(final String field)
    {
        final Object value = body.get(field);
        if (!(value instanceof String text) || text.isEmpty())
        {
            throw new JsonException(field + ": a non-empty string is required", field);
        }
        return text;
    }

    private long optionalLimit(final String field)
    {
        final Object value = body.get(field);
        if (value == null)
        {
            return Money.NO_LIMIT;
        }
        if (!(value instanceof Long number))
        {
            throw new JsonException(field + ": null or an integer", field);
        }
        return number;
    }

    private int expiry(final String field)
    {
        final String text = text(field);
        if (!text.matches("[0-9]{4}") || !ZoneCalendar.isValidExpiry(Integer.parseInt(text)))
        {
            throw new JsonException(field + ": YYMM", field);
        }
        return Integer.parseInt(text);
    }

    private int currency(final String field)
    {
        final int code = Currencies.numericOf(text(field));
        if (code == Currencies.UNKNOWN)
        {
            throw new JsonException(field + ": a known ISO 4217 alphabetic code", field);
        }
        return code;
    }

    private OffsetDateTime time(final String field)
    {
        try
        {
            return OffsetDateTime.parse(text(field));
        }
        catch (final DateTimeParseException e)
        {
            throw new JsonException(field + ": an ISO-8601 date-time with offset", field);
        }
    }

    private List<String> strings(final String field)
    {
        final Object value = body.get(field);
        if (value == null)
        {
            return List.of();
        }
        if (!(value instanceof List<?> list))
        {
            throw new JsonException(field + ": an array of strings", field);
        }
        final List<String> strings = new ArrayList<>();
        for (final Object item : list)
        {
            if (!(item instanceof String s))
            {
                throw new JsonException(field + ": an array of strings", field);
            }
            strings.add(s);
        }
        return strings;
    }

    private List<Integer> mccs()
    {
        final List<Integer> mccs = new ArrayList<>();
        for (final String mcc : strings("mccs"))
        {
            if (!mcc.matches("[0-9]{4}"))
            {
                throw new JsonException("mccs: each is 4 digits", "mccs");
            }
            mccs.add(Integer.parseInt(mcc));
        }
        return mccs;
    }

    private OnReversal onReversal()
    {
        final Object value = body.getOrDefault("onReversal", "RESTORE");
        if ("RESTORE".equals(value))
        {
            return OnReversal.RESTORE;
        }
        if ("CONSUME".equals(value))
        {
            return OnReversal.CONSUME;
        }
        throw new JsonException("onReversal: RESTORE or CONSUME", "onReversal");
    }

    private DiscountRule rule()
    {
        final Object value = body.get("discount");
        if (!(value instanceof Map<?, ?> map))
        {
            throw new JsonException("discount: an object with a type", "discount");
        }
        @SuppressWarnings("unchecked")
        final OperatorParser discount = new OperatorParser((Map<String, Object>)map);
        final Object type = map.get("type");
        if ("FIXED".equals(type))
        {
            return new DiscountRule.Fixed(discount.number("amount", "discount.amount"));
        }
        if ("PERCENT".equals(type))
        {
            final long basisPoints = discount.number("basisPoints", "discount.basisPoints");
            if (basisPoints < 0 || basisPoints > 10_000)
            {
                throw new JsonException("discount.basisPoints: 1..10000", "discount.basisPoints");
            }
            return new DiscountRule.Percent((int)basisPoints, discount.number("cap", "discount.cap"));
        }
        if ("RANDOM".equals(type))
        {
            return new DiscountRule.RandomAmount(discount.number("min", "discount.min"),
                discount.number("max", "discount.max"));
        }
        if ("TIERED".equals(type))
        {
            final Object tiers = map.get("tiers");
            if (!(tiers instanceof List<?> list))
            {
                throw new JsonException("discount.tiers: an array of {minAmount, amount}", "discount.tiers");
            }
            final List<DiscountRule.Tier> parsed = new ArrayList<>();
            for (final Object tier : list)
            {
                if (!(tier instanceof Map<?, ?> t))
                {
                    throw new JsonException("discount.tiers: an array of {minAmount, amount}", "discount.tiers");
                }
                @SuppressWarnings("unchecked")
                final OperatorParser p = new OperatorParser((Map<String, Object>)t);
                parsed.add(new DiscountRule.Tier(p.number("minAmount", "discount.tiers"),
                    p.number("amount", "discount.tiers")));
            }
            return new DiscountRule.Tiered(parsed);
        }
        throw new JsonException("discount.type: FIXED, PERCENT, RANDOM or TIERED", "discount.type");
    }

    private long number(final String key, final String field)
    {
        final Object value = body.get(key);
        if (!(value instanceof Long number))
        {
            throw new JsonException(field + ": an integer", field);
        }
        return number;
    }
}

package org.payswitch.gateway.http;

import java.util.Map;

import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;

/**
 * The bodies of the card and merchant endpoints (docs/api.md section 3, operator endpoints) as
 * Jackson maps them ({@link BodyMapper}), and their checked conversion onto the engine's records.
 */
final class CardBodies
{
    /** What each field of a card body must be. */
    static final Map<String, String> CARD_FIELDS = Map.of("pan", BodyFields.TEXT, "expiry", BodyFields.TEXT,
        "status", BodyFields.TEXT, "currency", BodyFields.TEXT, "creditLimit", BodyFields.MINOR_UNITS,
        "perTransactionLimit", BodyFields.LIMIT, "dailyLimit", BodyFields.LIMIT);
    /** What each field of a merchant body must be. */
    static final Map<String, String> MERCHANT_FIELDS = Map.of("merchantId", BodyFields.TEXT, "name", BodyFields.TEXT,
        "mcc", BodyFields.TEXT, "enabled", "true or false");
    /** Fields a merchant body may leave out but not give as null. */
    static final String[] MERCHANT_NOT_NULL = {"enabled"};

    private CardBodies()
    {
    }

    /** {@code POST /v1/cards}: a card created or replaced. */
    record Card(
        String pan, String expiry, String status, String currency, Long creditLimit, Long perTransactionLimit,
        Long dailyLimit)
    {
        CardDefinition definition()
        {
            final long number = BodyFields.pan(pan);
            return new CardDefinition(number, pan.length(), BodyFields.expiry(expiry, "expiry"),
                BodyFields.status(status, "status"), BodyFields.currency(currency, "currency"),
                BodyFields.amount(creditLimit, "creditLimit"), BodyFields.optionalLimit(perTransactionLimit),
                BodyFields.optionalLimit(dailyLimit));
        }
    }

    /** {@code POST /v1/cards/status}: a card's new status. */
    record Status(String pan, String status)
    {
        CardStatus cardStatus()
        {
            return BodyFields.status(status, "status");
        }
    }

    /** {@code POST /v1/cards/lookup}, and the PAN of a status change: the card asked about. */
    record Lookup(String pan)
    {
    }

    /** {@code POST /v1/merchants}: a merchant created or replaced; enabled unless it says otherwise. */
    record Merchant(String merchantId, String name, String mcc, Boolean enabled)
    {
        MerchantDefinition definition()
        {
            final int code = BodyFields.mcc(BodyFields.text(mcc, "mcc"), "mcc", "4 digits");
            return new MerchantDefinition(BodyFields.text(merchantId, "merchantId"), BodyFields.text(name, "name"),
                code, enabled == null || enabled);
        }
    }
}

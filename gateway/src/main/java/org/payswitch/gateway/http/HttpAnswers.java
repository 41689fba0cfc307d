package org.payswitch.gateway.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.FunderSettlement;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.CardView;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantTransactionTotals;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.TransactionView;
import org.payswitch.gateway.json.JsonWriter;

/**
 * Writes the JSON answers of docs/api.md section 3 from an executed command, and decides
 * their HTTP status: decisions are 200, 94 is 409, 25 is 404, 30 is 400, 91 is 503, 96 is 500.
 * Runs on the reply thread; one instance per thread.
 */
final class HttpAnswers
{
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final JsonWriter json = new JsonWriter();
    private final byte[] masked = new byte[Pan.MAX_LENGTH];
    private final StringBuilder maskedText = new StringBuilder(Pan.MAX_LENGTH);
    private final ZoneId zone;
    private final DiscountRule.Fields ruleFields = new DiscountRule.Fields()
    {
        @Override
        public void number(final String name, final long value)
        {
            json.name(name).number(value);
        }

        @Override
        public void tiers(final List<DiscountRule.Tier> tiers)
        {
            json.name("tiers").beginArray();
            for (final DiscountRule.Tier tier : tiers)
            {
                json.beginObject().name("minAmount").number(tier.minAmount()).name("amount").number(tier.amount())
                    .endObject();
            }
            json.endArray();
        }
    };

    HttpAnswers(final ZoneId zone)
    {
        this.zone = zone;
    }

    /** The HTTP status of the command's answer. */
    static HttpResponseStatus status(final SwitchCommand command, final AnswerKind kind)
    {
        final ResponseCode code = command.responseCode;
        if (code == null)
        {
            return HttpResponseStatus.INTERNAL_SERVER_ERROR;
        }
        switch (code)
        {
            case DUPLICATE_TRANSMISSION:
                return HttpResponseStatus.CONFLICT;
            case UNABLE_TO_LOCATE_ORIGINAL:
                return HttpResponseStatus.NOT_FOUND;
            case FORMAT_ERROR:
                return HttpResponseStatus.BAD_REQUEST;
            case SWITCH_UNAVAILABLE:
                return HttpResponseStatus.SERVICE_UNAVAILABLE;
            case SYSTEM_MALFUNCTION:
                return HttpResponseStatus.INTERNAL_SERVER_ERROR;
            case INVALID_CARD_NUMBER:
                return kind == AnswerKind.CARD ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK;
            default:
                return HttpResponseStatus.OK;
        }
    }

    /** Writes the body of the command's answer into {@code out}. */
    void write(final SwitchCommand command, final AnswerKind kind, final ByteBuf out)
    {
        json.wrap(out);
        final ResponseCode code = command.responseCode;
        if (code == null || code == ResponseCode.DUPLICATE_TRANSMISSION || code == ResponseCode.SYSTEM_MALFUNCTION ||
            code == ResponseCode.UNABLE_TO_LOCATE_ORIGINAL || code == ResponseCode.SWITCH_UNAVAILABLE)
        {
            codeOnly(code == null ? ResponseCode.SYSTEM_MALFUNCTION : code);
            return;
        }
        if (code == ResponseCode.FORMAT_ERROR)
        {
            if (command.error == null)
            {
                writeError(json, "invalid request", null);
            }
            else
            {
                writeError(json, command.error.toString(), command.error.field());
            }
            return;
        }
        if ((kind == AnswerKind.CARD && !command.card.present) ||
            (kind == AnswerKind.CAMPAIGN && command.campaign == null) ||
            (kind == AnswerKind.CAMPAIGNS && command.campaigns == null))
        {
            codeOnly(code);
            return;
        }
        switch (kind)
        {
            case AUTHORIZATION -> authorization(command);
            case TRANSACTION -> transaction(command.transaction, shownCode(command, code));
            case CARD -> card(command);
            case MERCHANT -> json.beginObject().name("responseCode").string(code.code()).endObject();
            case CAMPAIGN -> campaign(command.campaign);
            case CAMPAIGNS -> campaigns(command.campaigns);
            case SETTLEMENT -> settlement(command.funders);
            case TRANSACTION_TOTALS -> transactionTotals(command.merchantTotals);
            default -> codeOnly(code);
        }
    }

    /** {"responseCode": code}. */
    void codeOnly(final ResponseCode code)
    {
        json.beginObject().name("responseCode").string(code.code()).endObject();
    }

    /**
     * Writes {"error", "field", "responseCode": "30"} of the engine's format error; the field is the
     * part of "field: reason" before the colon (the engine's problems carry no typed field).
     */
    /** Writes {"error", "field" (when not null), "responseCode": "30"}. */
    private static void writeError(final JsonWriter json, final String message, final String field)
    {
        json.beginObject().name("error").string(message);
        if (field != null)
        {
            json.name("field").string(field);
        }
        json.name("responseCode").string(ResponseCode.FORMAT_ERROR.code()).endObject();
    }

    private void authorization(final SwitchCommand command)
    {
        final TransactionView t = command.transaction;
        json.beginObject();
        if (t.present)
        {
            json.name("transactionId").numberAsString(t.transactionId);
            json.name("status").string(t.status.name());
            json.name("responseCode").string(command.responseCode.code());
            if (t.authCode.length() > 0)
            {
                json.name("authCode").string(t.authCode);
            }
            json.name("amount").number(t.amount);
            json.name("discount").number(t.discount);
            json.name("chargedAmount").number(t.chargedAmount);
            if (t.campaignId != null)
            {
                json.name("campaignId").string(t.campaignId);
            }
            json.name("currency").string(Currencies.alphaOf(t.currency));
            maskedPan(t.pan, t.panLength);
        }
        else
        {
            json.name("status").string(TransactionStatus.DECLINED.name());
            json.name("responseCode").string(command.responseCode.code());
            json.name("amount").number(command.amount);
            json.name("discount").number(0);
            json.name("chargedAmount").number(command.amount);
            json.name("currency").string(Currencies.alphaOf(command.currency));
            maskedPan(command.pan, command.panLength);
        }
        json.endObject();
    }

    /**
     * The code a transaction answer shows: a status inquiry shows the transaction's own decision
     * (51 for one declined for funds), which is what a checkout that lost the answer asks for, not
     * the inquiry's success; a capture, reversal or refund shows its own outcome.
     */
    private static ResponseCode shownCode(final SwitchCommand command, final ResponseCode code)
    {
        final ResponseCode decided = command.transaction.responseCode;
        return command.type == CommandType.GET_TRANSACTION && decided != null ? decided : code;
    }

    private void transaction(final TransactionView t, final ResponseCode code)
    {
        json.beginObject();
        json.name("transactionId").numberAsString(t.transactionId);
        json.name("merchantId").string(t.merchantId);
        json.name("orderId").string(t.orderId);
        json.name("status").string(t.status.name());
        json.name("responseCode").string(code.code());
        if (t.authCode.length() > 0)
        {
            json.name("authCode").string(t.authCode);
        }
        json.name("amount").number(t.amount);
        json.name("discount").number(t.discount);
        json.name("chargedAmount").number(t.chargedAmount);
        json.name("capturedAmount").number(t.capturedAmount);
        json.name("refundedAmount").number(t.refundedAmount);
        if (t.campaignId != null)
        {
            json.name("campaignId").string(t.campaignId);
        }
        json.name("currency").string(Currencies.alphaOf(t.currency));
        maskedPan(t.pan, t.panLength);
        json.name("createdAt").string(CREATED_AT.format(Instant.ofEpochMilli(t.createdAt).atZone(zone)));
        json.endObject();
    }

    private void card(final SwitchCommand command)
    {
        final CardView card = command.card;
        json.beginObject();
        maskedPan(card.pan, card.panLength);
        json.name("status").string(card.status.name());
        json.name("currency").string(Currencies.alphaOf(card.currency));
        json.name("creditLimit").number(card.creditLimit);
        json.name("available").number(card.available);
        json.endObject();
    }

    private void campaigns(final List<CampaignFigures> campaigns)
    {
        json.beginArray();
        for (final CampaignFigures figures : campaigns)
        {
            campaign(figures);
        }
        json.endArray();
    }

    private void campaign(final CampaignFigures figures)
    {
        final CampaignDefinition d = figures.definition();
        json.beginObject();
        json.name("campaignId").string(d.campaignId());
        json.name("funder").string(d.funder());
        json.name("binPrefixes").beginArray();
        d.binPrefixes().forEach(json::string);
        json.endArray();
        json.name("mccs").beginArray();
        d.mccs().forEach(mcc -> json.string(String.format("%04d", mcc)));
        json.endArray();
        json.name("merchantIds").beginArray();
        d.merchantIds().forEach(json::string);
        json.endArray();
        json.name("currency").string(Currencies.alphaOf(d.currency()));
        json.name("startsAt").string(d.startsAt().toString());
        json.name("endsAt").string(d.endsAt().toString());
        json.name("minAmount").number(d.minAmount());
        json.name("discount");
        rule(d.discount());
        limit("perCardLimit", d.perCardLimit());
        limit("perCardDailyLimit", d.perCardDailyLimit());
        limit("perCardMonthlyLimit", d.perCardMonthlyLimit());
        limit("budget", d.budget());
        limit("dailyBudget", d.dailyBudget());
        limit("maxRedemptions", d.maxRedemptions());
        limit("dailyMaxRedemptions", d.dailyMaxRedemptions());
        json.name("onReversal").string(d.onReversal().name());
        json.name("status").string(figures.status().name());
        json.name("redemptions").number(figures.redemptions());
        json.name("discountGranted").number(figures.discountGranted());
        json.name("remainingBudget").number(figures.remainingBudget());
        json.endObject();
    }

    private void rule(final DiscountRule rule)
    {
        json.beginObject().name("type").string(rule.kind().name());
        rule.describe(ruleFields);
        json.endObject();
    }

    private void settlement(final List<FunderSettlement> funders)
    {
        json.beginObject().name("funders").beginArray();
        for (final FunderSettlement funder : funders)
        {
            json.beginObject().name("funder").string(funder.funder());
            json.name("discountGranted").number(funder.grossDiscount());
            json.name("discountRestored").number(funder.restoredDiscount());
            json.name("discountOwed").number(funder.netDiscount());
            json.name("campaigns").beginArray();
            for (final CampaignFigures c : funder.campaigns())
            {
                json.beginObject().name("campaignId").string(c.definition().campaignId());
                json.name("redemptions").number(c.grossRedemptions());
                json.name("discountGranted").number(c.grossDiscount());
                json.name("redemptionsRestored").number(c.restoredRedemptions());
                json.name("discountRestored").number(c.restoredDiscount());
                json.name("discountOwed").number(c.grossDiscount() - c.restoredDiscount());
                json.endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    private void transactionTotals(final List<MerchantTransactionTotals> merchants)
    {
        json.beginObject().name("merchants").beginArray();
        for (final MerchantTransactionTotals m : merchants)
        {
            json.beginObject().name("merchantId").string(m.merchantId());
            json.name("currency").string(Currencies.alphaOf(m.currency()));
            json.name("authorizations").number(m.authorizations());
            json.name("authorizedAmount").number(m.authorizedAmount());
            json.name("discountGranted").number(m.discountGranted());
            json.name("chargedAmount").number(m.chargedAmount());
            json.name("captures").number(m.captures());
            json.name("capturedAmount").number(m.capturedAmount());
            json.name("refunds").number(m.refunds());
            json.name("refundedAmount").number(m.refundedAmount());
            json.name("reversals").number(m.reversals());
            json.name("reversedAmount").number(m.reversedAmount());
            json.name("expiries").number(m.expiries());
            json.name("expiredAmount").number(m.expiredAmount());
            json.endObject();
        }
        json.endArray().endObject();
    }

    private void limit(final String name, final long value)
    {
        json.name(name);
        if (value == CampaignDefinition.NO_LIMIT || value == Money.NO_LIMIT)
        {
            json.nullValue();
        }
        else
        {
            json.number(value);
        }
    }

    private void maskedPan(final long pan, final int panLength)
    {
        json.name("maskedPan");
        if (Pan.isValidLength(panLength))
        {
            Pan.writeMasked(pan, panLength, masked, 0);
            json.string(asText(panLength));
        }
        else
        {
            json.nullValue();
        }
    }

    private CharSequence asText(final int length)
    {
        maskedText.setLength(0);
        for (int i = 0; i < length; i++)
        {
            maskedText.append((char)masked[i]);
        }
        return maskedText;
    }
}

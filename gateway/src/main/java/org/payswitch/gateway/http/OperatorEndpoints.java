package org.payswitch.gateway.http;

import io.netty.handler.codec.http.FullHttpRequest;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * The operator endpoints (docs/api.md section 3; the admin token is checked before any of them):
 * cards, merchants, campaigns and the discount report. Bodies are mapped by {@link BodyMapper}
 * onto the engine's records (a malformed one is 400/30 naming the field); each call is published
 * into the ring, which orders it with the payments.
 */
final class OperatorEndpoints
{
    private OperatorEndpoints()
    {
    }

    /** {@code POST /v1/cards}: creates or replaces a card. */
    static void upsertCard(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final CardBodies.Card body = BodyMapper.read(http.content(), CardBodies.Card.class, CardBodies.CARD_FIELDS);
        exchange.command.type = CommandType.UPSERT_CARD;
        exchange.command.cardDefinition = body.definition();
        exchange.publish(AnswerKind.CARD);
    }

    /** {@code POST /v1/cards/status}: changes only a card's status. */
    static void setCardStatus(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final CardBodies.Status body = BodyMapper.read(http.content(), CardBodies.Status.class,
            CardBodies.CARD_FIELDS);
        setPan(exchange.command, body.pan());
        exchange.command.type = CommandType.SET_CARD_STATUS;
        exchange.command.cardStatus = body.cardStatus();
        exchange.publish(AnswerKind.CARD);
    }

    /** {@code POST /v1/cards/lookup}: a card's masked PAN, status, limit and available credit. */
    static void lookupCard(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final CardBodies.Lookup body = BodyMapper.read(http.content(), CardBodies.Lookup.class,
            CardBodies.CARD_FIELDS);
        setPan(exchange.command, body.pan());
        exchange.command.type = CommandType.LOOKUP_CARD;
        exchange.publish(AnswerKind.CARD);
    }

    /** {@code POST /v1/merchants}: creates or replaces a merchant. */
    static void upsertMerchant(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final CardBodies.Merchant body = BodyMapper.read(http.content(), CardBodies.Merchant.class,
            CardBodies.MERCHANT_FIELDS, CardBodies.MERCHANT_NOT_NULL);
        exchange.command.type = CommandType.UPSERT_MERCHANT;
        exchange.command.merchantDefinition = body.definition();
        exchange.publish(AnswerKind.MERCHANT);
    }

    /** {@code POST /v1/campaigns}: creates a campaign. */
    static void createCampaign(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final CampaignBody body = BodyMapper.read(http.content(), CampaignBody.class, CampaignBody.FIELDS,
            CampaignBody.NOT_NULL);
        exchange.command.type = CommandType.CREATE_CAMPAIGN;
        exchange.command.campaignDefinition = body.definition();
        exchange.publish(AnswerKind.CAMPAIGN);
    }

    /** {@code GET /v1/campaigns}: every campaign with its live figures. */
    static void listCampaigns(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.GET_CAMPAIGNS;
        exchange.publish(AnswerKind.CAMPAIGNS);
    }

    /** {@code GET /v1/campaigns/{id}}: one campaign with its live figures. */
    static void campaign(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.GET_CAMPAIGNS;
        exchange.command.campaignId = id;
        exchange.publish(AnswerKind.CAMPAIGN);
    }

    /** {@code POST /v1/campaigns/{id}/pause}. */
    static void pauseCampaign(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.PAUSE_CAMPAIGN;
        exchange.command.campaignId = id;
        exchange.publish(AnswerKind.CAMPAIGN);
    }

    /** {@code POST /v1/campaigns/{id}/resume}. */
    static void resumeCampaign(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.RESUME_CAMPAIGN;
        exchange.command.campaignId = id;
        exchange.publish(AnswerKind.CAMPAIGN);
    }

    /** {@code GET /v1/reports/discounts}: what each funder owes. */
    static void discountReport(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.DISCOUNT_REPORT;
        exchange.publish(AnswerKind.SETTLEMENT);
    }

    /** {@code GET /v1/reports/transactions}: each merchant's transaction totals by currency. */
    static void transactionReport(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.TRANSACTION_REPORT;
        exchange.publish(AnswerKind.TRANSACTION_TOTALS);
    }

    private static void setPan(final SwitchCommand command, final String text)
    {
        command.pan = BodyFields.pan(text);
        command.panLength = text.length();
    }
}

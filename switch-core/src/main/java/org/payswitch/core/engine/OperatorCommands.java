package org.payswitch.core.engine;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.Problem;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.ZoneCalendar;

/**
 * Operator commands and queries: cards, merchants, campaigns, campaign figures and the
 * settlement report. Invalid definitions are refused whole, with a message naming the field
 * (response code 30); nothing is half-applied. Off the hot path: these may allocate.
 */
public final class OperatorCommands
{
    private final CardBook cards;
    private final MerchantBook merchants;
    private final DiscountEngine discounts;
    private final AsciiField merchantId = new AsciiField(MerchantBook.MAX_ID_LENGTH);

    public OperatorCommands(final CardBook cards, final MerchantBook merchants, final DiscountEngine discounts)
    {
        this.cards = cards;
        this.merchants = merchants;
        this.discounts = discounts;
    }

    /** Executes an operator command; {@code eventTime} dates the figures of queries. */
    public void execute(final SwitchCommand command, final long eventTime)
    {
        switch (command.type)
        {
            case UPSERT_CARD -> upsertCard(command);
            case SET_CARD_STATUS -> setCardStatus(command);
            case UPSERT_MERCHANT -> upsertMerchant(command);
            case CREATE_CAMPAIGN -> createCampaign(command, eventTime);
            case PAUSE_CAMPAIGN -> pauseCampaign(command, eventTime, true);
            case RESUME_CAMPAIGN -> pauseCampaign(command, eventTime, false);
            case GET_CAMPAIGNS -> getCampaigns(command, eventTime);
            case DISCOUNT_REPORT ->
            {
                command.funders = discounts.settlement(eventTime);
                command.responseCode = ResponseCode.APPROVED;
            }
            default -> command.reject(ResponseCode.FORMAT_ERROR, Problem.of("type", "not an operator command"));
        }
    }

    private void upsertCard(final SwitchCommand command)
    {
        final CardDefinition definition = command.cardDefinition;
        if (definition == null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("card", "definition required"));
            return;
        }
        final Problem invalid = validate(definition);
        if (invalid != null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, invalid);
            return;
        }
        cards.upsert(definition);
        command.responseCode = ResponseCode.APPROVED;
        cards.fill(cards.find(definition.pan(), definition.panLength()), command.card);
    }

    private void setCardStatus(final SwitchCommand command)
    {
        final CardStatus status = command.cardStatus;
        if (status == null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("status", "ACTIVE, BLOCKED, LOST or STOLEN"));
            return;
        }
        final int card = cards.find(command.pan, command.panLength);
        if (card == CardBook.NOT_FOUND)
        {
            command.reject(ResponseCode.INVALID_CARD_NUMBER, Problem.of("pan", "no such card"));
            return;
        }
        cards.setStatus(card, status);
        command.responseCode = ResponseCode.APPROVED;
        cards.fill(card, command.card);
    }

    private void upsertMerchant(final SwitchCommand command)
    {
        final MerchantDefinition definition = command.merchantDefinition;
        if (definition == null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("merchant", "definition required"));
            return;
        }
        final String id = definition.merchantId();
        if (id == null || id.isEmpty() || id.length() > MerchantBook.MAX_ID_LENGTH || !merchantId.set(id) ||
            !merchantId.isIdentifier())
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("merchantId", "1..15 characters of [A-Za-z0-9_-]"));
            return;
        }
        if (definition.name() == null || definition.name().length() > 100)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("name", "required, at most 100 characters"));
            return;
        }
        if (definition.mcc() < 0 || definition.mcc() > 9999)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("mcc", "a 4-digit merchant category code"));
            return;
        }
        merchants.upsert(merchantId, definition.name(), definition.mcc(), definition.enabled());
        command.responseCode = ResponseCode.APPROVED;
    }

    private void getCampaigns(final SwitchCommand command, final long eventTime)
    {
        if (command.campaignId == null)
        {
            command.campaigns = discounts.allFigures(eventTime);
            command.responseCode = ResponseCode.APPROVED;
            return;
        }
        final CampaignFigures figures = discounts.figures(command.campaignId, eventTime);
        command.campaign = figures;
        command.responseCode = figures == null ? ResponseCode.UNABLE_TO_LOCATE_ORIGINAL : ResponseCode.APPROVED;
    }

    private void createCampaign(final SwitchCommand command, final long eventTime)
    {
        final CampaignDefinition definition = command.campaignDefinition;
        if (definition == null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, Problem.of("campaign", "definition required"));
            return;
        }
        final Problem refusal = discounts.create(definition);
        if (refusal != null)
        {
            command.reject(ResponseCode.FORMAT_ERROR, refusal);
            return;
        }
        command.responseCode = ResponseCode.APPROVED;
        command.campaign = discounts.figures(definition.campaignId(), eventTime);
    }

    private void pauseCampaign(final SwitchCommand command, final long eventTime, final boolean paused)
    {
        final String campaignId = command.campaignId;
        if (campaignId == null || !discounts.setPaused(campaignId, paused))
        {
            command.reject(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL, Problem.of("campaignId", "no such campaign"));
            return;
        }
        command.responseCode = ResponseCode.APPROVED;
        command.campaign = discounts.figures(campaignId, eventTime);
    }

    /** Why a card definition is invalid, or null. */
    static Problem validate(final CardDefinition card)
    {
        if (!Pan.isValidLength(card.panLength()))
        {
            return Problem.of("pan", "12..19 digits");
        }
        if (!Pan.isLuhnValid(card.pan(), card.panLength()))
        {
            return Problem.of("pan", "fails the Luhn check");
        }
        if (!ZoneCalendar.isValidExpiry(card.expiry()))
        {
            return Problem.of("expiry", "YYMM");
        }
        if (card.status() == null)
        {
            return Problem.of("status", "ACTIVE, BLOCKED, LOST or STOLEN");
        }
        if (!Currencies.isKnown(card.currency()))
        {
            return Problem.of("currency", "not a known ISO 4217 currency");
        }
        if (card.creditLimit() < 0 || card.creditLimit() > Money.MAX_AMOUNT)
        {
            return Problem.of("creditLimit", "0.." + Money.MAX_AMOUNT);
        }
        if (card.perTransactionLimit() != Money.NO_LIMIT && !Money.isValidAmount(card.perTransactionLimit()))
        {
            return Problem.of("perTransactionLimit", "null or 1.." + Money.MAX_AMOUNT);
        }
        if (card.dailyLimit() != Money.NO_LIMIT && !Money.isValidAmount(card.dailyLimit()))
        {
            return Problem.of("dailyLimit", "null or 1.." + Money.MAX_AMOUNT);
        }
        return null;
    }
}

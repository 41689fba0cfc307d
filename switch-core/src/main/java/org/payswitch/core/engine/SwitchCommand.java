package org.payswitch.core.engine;

import java.util.List;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.FunderSettlement;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Problem;
import org.payswitch.core.domain.ResponseCode;

/**
 * One request to the engine and, once executed, its answer. A plain mutable class with
 * primitive fields so that it can be a preallocated ring slot, filled by the gateway without
 * allocation and reused for every message (as exchange-core's OrderCommand).
 *
 * <p>Request fields are set by the publisher; {@link #responseCode}, {@link #transaction},
 * {@link #card}, {@link #error}, {@link #campaign}, {@link #campaigns} and {@link #funders} are set
 * by the engine.
 *
 * <p>Operator commands carry their argument in the one typed field their {@link CommandType}
 * reads ({@link #cardDefinition}, {@link #cardStatus}, {@link #merchantDefinition},
 * {@link #campaignDefinition}, {@link #campaignId}); an authorization sets none of them, so the
 * hot path stays primitive fields and flyweights, and allocates nothing.
 */
public final class SwitchCommand
{
    /** Longest order id (JSON {@code orderId}; ISO DE 37 is 12). */
    public static final int MAX_ORDER_ID_LENGTH = 40;
    /** Longest refund id. */
    public static final int MAX_REFUND_ID_LENGTH = 40;
    /** {@link #expiry} when the request carries none. */
    public static final int NO_EXPIRY = -1;
    /** {@link #mcc} when the request carries none: the merchant's own applies. */
    public static final int NO_MCC = -1;
    /** {@link #cardOnFile} when the request's PAN is not a card on file (or was not looked up). */
    public static final int NOT_ON_FILE = -1;
    /**
     * {@link #expiry} of an authorization read back from the journal whose request carried the
     * card's expiry on file: the engine puts the card's expiry in its place before using it.
     */
    public static final int EXPIRY_ON_FILE = -2;

    public CommandType type;
    /** When the gateway received the request, epoch milliseconds: the only clock the engine knows. */
    public long timestamp;

    public final AsciiField merchantId = new AsciiField(MerchantBook.MAX_ID_LENGTH);
    public final AsciiField orderId = new AsciiField(MAX_ORDER_ID_LENGTH);
    /** The transaction a capture, reversal, refund or query names; 0 to name it by (merchantId, orderId). */
    public long transactionId;

    /** PAN as an unsigned number of {@link #panLength} digits (see {@code Pan}). */
    public long pan;
    public int panLength;
    /** Expiry as YYMM, or {@link #NO_EXPIRY}. */
    public int expiry;
    /** Amount in minor units. For a capture, meaningful only when {@link #hasAmount}. */
    public long amount;
    public boolean hasAmount;
    /** ISO 4217 numeric currency, e.g. 156 for CNY. */
    public int currency;
    public int mcc;
    /** Authorize and capture at once (a sale: JSON capture:true, ISO 0200). */
    public boolean capture;
    public final AsciiField refundId = new AsciiField(MAX_REFUND_ID_LENGTH);
    /** UPSERT_CARD: the card to create or replace; null for every other command. */
    public CardDefinition cardDefinition;
    /** SET_CARD_STATUS: the card's new status; null for every other command. */
    public CardStatus cardStatus;
    /** UPSERT_MERCHANT: the merchant to create or replace; null for every other command. */
    public MerchantDefinition merchantDefinition;
    /** CREATE_CAMPAIGN: the campaign to create; null for every other command. */
    public CampaignDefinition campaignDefinition;
    /** PAUSE_CAMPAIGN, RESUME_CAMPAIGN, GET_CAMPAIGNS: the campaign named; null names none (GET_CAMPAIGNS: all). */
    public String campaignId;
    /**
     * The merchants the caller may see and act for (its API key's), or null when the caller is not
     * scoped. A transaction of another merchant is answered as unknown ({@link #outOfScope}).
     */
    public AsciiIdSet merchantScope;

    /**
     * The card's number in the card book when the request's PAN is on file and its expiry is none
     * or the card's, else {@link #NOT_ON_FILE}. Set by the engine deciding an authorization, so the
     * journal records the card by number instead of its PAN; set by the journal's reader on a
     * command read back, so the engine finds the card by number (and its PAN with it).
     */
    public int cardOnFile;
    /**
     * The truncated PAN recorded with a card on file (first six digits times 10 000 plus the last
     * four, {@code Pan.truncated}), which replay checks against the card it finds by number.
     */
    public long recordedTruncation;

    /** The outcome of this command. */
    public ResponseCode responseCode;
    /** The transaction this command created or named, as it stands after the command. */
    public final TransactionView transaction = new TransactionView();
    /** The card a lookup found. */
    public final CardView card = new CardView();
    /** Why an operator command was refused (names the field), or null. */
    public Problem error;
    /** One campaign's definition and figures: the answer of CREATE, PAUSE, RESUME and GET_CAMPAIGNS by id. */
    public CampaignFigures campaign;
    /** Every campaign's definition and figures, in creation order: answer of GET_CAMPAIGNS without an id. */
    public List<CampaignFigures> campaigns;
    /** The settlement report by funder: answer of DISCOUNT_REPORT. */
    public List<FunderSettlement> funders;
    /** Per merchant and currency, the totals of its transactions: answer of TRANSACTION_REPORT. */
    public List<MerchantTransactionTotals> merchantTotals;
    /**
     * Set by the engine when the named transaction belongs to a merchant outside
     * {@link #merchantScope}: answered 25 as if unknown, nothing executed, so nothing to journal.
     */
    public boolean outOfScope;

    /** Clears every field, request and answer, before the slot is filled again. */
    public void reset()
    {
        type = null;
        timestamp = 0;
        merchantId.clear();
        orderId.clear();
        transactionId = 0;
        pan = 0;
        panLength = 0;
        expiry = NO_EXPIRY;
        amount = 0;
        hasAmount = false;
        currency = 0;
        mcc = NO_MCC;
        capture = false;
        refundId.clear();
        clearPayload();
        merchantScope = null;
        recordedTruncation = 0;
        clearAnswer();
    }

    /** Copies the request fields of {@code other} (not its answer): a publisher's parsed request into a ring slot. */
    public void copyRequestFrom(final SwitchCommand other)
    {
        type = other.type;
        timestamp = other.timestamp;
        merchantId.set(other.merchantId);
        orderId.set(other.orderId);
        transactionId = other.transactionId;
        pan = other.pan;
        panLength = other.panLength;
        expiry = other.expiry;
        amount = other.amount;
        hasAmount = other.hasAmount;
        currency = other.currency;
        mcc = other.mcc;
        capture = other.capture;
        refundId.set(other.refundId);
        cardDefinition = other.cardDefinition;
        cardStatus = other.cardStatus;
        merchantDefinition = other.merchantDefinition;
        campaignDefinition = other.campaignDefinition;
        campaignId = other.campaignId;
        merchantScope = other.merchantScope;
    }

    /** Clears only the answer, e.g. before a replay executes a journaled request again. */
    public void clearAnswer()
    {
        responseCode = null;
        cardOnFile = NOT_ON_FILE;
        transaction.clear();
        card.clear();
        error = null;
        campaign = null;
        campaigns = null;
        funders = null;
        merchantTotals = null;
        outOfScope = false;
    }

    /** True when an operator argument is set, i.e. the journal has a payload to write for this command. */
    public boolean hasPayload()
    {
        return cardDefinition != null || cardStatus != null || merchantDefinition != null ||
            campaignDefinition != null || campaignId != null;
    }

    private void clearPayload()
    {
        cardDefinition = null;
        cardStatus = null;
        merchantDefinition = null;
        campaignDefinition = null;
        campaignId = null;
    }

    /** Sets the outcome of an operator command that was refused, naming what was wrong. */
    public void reject(final ResponseCode code, final Problem why)
    {
        responseCode = code;
        error = why;
    }
}

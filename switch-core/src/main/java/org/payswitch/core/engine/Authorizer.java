package org.payswitch.core.engine;

import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.discount.DiscountQuote;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.util.Hashing;

/**
 * Decides authorizations and sales. Checks, in this order (docs/engine.md):
 * <ol>
 *   <li>format (30): PAN of 12..19 digits, order id 1..40 of [A-Za-z0-9_-], merchant id, expiry month;</li>
 *   <li>merchant known (03), then the idempotency key: a retry of the same content is answered
 *       with the original decision; other content under the key gets 94;</li>
 *   <li>merchant enabled (03); card on file (14: a card is only put on file with a Luhn-valid PAN, so a
 *       PAN failing Luhn is never found and needs no check of its own here); expiry matches and is not past (54);
 *       card status (41, 43, 57); currency the card's (13); amount in (0, 999 999 999 999] (13);</li>
 *   <li>the best discount; then the per-transaction and daily limits on the charged amount (61);
 *       available credit (51).</li>
 * </ol>
 * Every decision except 30, 94 and an unknown merchant's 03 is recorded as a transaction, so
 * its retries are answered the same. The decision is made before anything is written; only then
 * are the transaction, the hold and the redemption recorded. Allocates nothing.
 */
public final class Authorizer
{
    private final CardBook cards;
    private final MerchantBook merchants;
    private final TransactionStore transactions;
    private final HoldExpiryQueue holds;
    private final DiscountEngine discounts;
    private final ZoneCalendar calendar;
    private final TransactionViews views;
    private final TransactionTotals totals;
    private final DiscountQuote quote = new DiscountQuote();
    private int[] panSlots = new int[0];
    private int[] prefetchedMerchants = new int[0];
    private int[] keySlots = new int[0];
    /** Sum of the values the prefetch loads, stored so the JIT cannot drop those loads as dead. */
    private long prefetchSink;

    Authorizer(
        final CardBook cards,
        final MerchantBook merchants,
        final TransactionStore transactions,
        final HoldExpiryQueue holds,
        final DiscountEngine discounts,
        final ZoneCalendar calendar,
        final TransactionViews views,
        final TransactionTotals totals)
    {
        this.cards = cards;
        this.merchants = merchants;
        this.transactions = transactions;
        this.holds = holds;
        this.discounts = discounts;
        this.calendar = calendar;
        this.views = views;
        this.totals = totals;
    }

    /** Decides the authorization (or sale) in {@code command} and writes the answer onto it. */
    public void authorize(final SwitchCommand command)
    {
        if (!isWellFormed(command))
        {
            command.responseCode = ResponseCode.FORMAT_ERROR;
            return;
        }
        final int merchant = merchants.find(command.merchantId);
        if (merchant == MerchantBook.NOT_FOUND)
        {
            command.responseCode = ResponseCode.INVALID_MERCHANT;
            return;
        }
        final int keyHash = TransactionStore.keyHash(merchant, command.orderId);
        final long fingerprint = fingerprint(command);
        final int existing = transactions.findByKey(merchant, command.orderId, keyHash);
        if (existing != TransactionStore.NOT_FOUND)
        {
            answerRetry(command, existing, fingerprint);
            return;
        }

        final int card = cards.find(command.pan, command.panLength);
        markOnFile(command, card);
        final int mcc = command.mcc != SwitchCommand.NO_MCC ? command.mcc : merchants.mcc(merchant);
        quote.clear();
        final ResponseCode code = decide(command, merchant, card, mcc, TransactionStore.idOf(transactions.count()));
        final int txn = transactions.append(keyHash, merchant, command.orderId, card, command.pan,
            command.panLength, command.amount, command.currency, mcc, command.timestamp, fingerprint,
            command.capture ? TransactionStore.FLAG_SALE : 0);
        if (code.isApproved())
        {
            approve(command, merchant, card, txn);
        }
        else
        {
            transactions.decide(txn, code, TransactionStatus.DECLINED, 0, DiscountQuote.NONE);
        }
        command.responseCode = code;
        views.fill(txn, command.transaction);
    }

    /**
     * Recovery: applies a journaled decision instead of deciding again, for the command at
     * {@code position} of the batch last given to {@link #prefetch} (whose merchant it looked up
     * already; merchants change only between batches). {@code command} holds
     * the request and, in its answer fields, the decision recorded for it (response code,
     * transaction id, discount, campaign number). A decision that created no transaction (a
     * retry's answer, which must name a transaction stored under the same key; 30, 94, an unknown
     * merchant's 03, which name none) changes nothing; one that did is recorded
     * exactly as {@link #authorize} records it, through the same code. Skipping the idempotency
     * probe and the discount quote is what makes replay faster than deciding (docs/journal.md).
     *
     * @return false when the decision does not fit the state (a transaction id out of sequence,
     *         a retry's answer naming a transaction of another key, an unknown merchant, a card
     *         not on file for an approval): the journal and the state disagree.
     */
    public boolean applyRecorded(final SwitchCommand command, final int position)
    {
        final long recordedId = command.transaction.transactionId;
        final long nextId = TransactionStore.idOf(transactions.count());
        final int merchant = prefetchedMerchants[position];
        if (recordedId != nextId)
        {
            return recordedId == 0 ||
                (recordedId < nextId && transactions.hasKey(transactions.findById(recordedId), merchant, command.orderId));
        }
        if (merchant == MerchantBook.NOT_FOUND)
        {
            return false;
        }
        final ResponseCode code = command.responseCode;
        final int card;
        if (command.cardOnFile != SwitchCommand.NOT_ON_FILE)
        {
            card = resolveCardOnFile(command);
            if (card == CardBook.NOT_FOUND)
            {
                return false;
            }
        }
        else
        {
            card = cards.find(command.pan, command.panLength);
        }
        if (code.isApproved() && card == CardBook.NOT_FOUND)
        {
            return false;
        }
        final int mcc = command.mcc != SwitchCommand.NO_MCC ? command.mcc : merchants.mcc(merchant);
        final int txn = transactions.append(merchant, command.orderId, card, command.pan, command.panLength,
            command.amount, command.currency, mcc, command.timestamp, fingerprint(command),
            command.capture ? TransactionStore.FLAG_SALE : 0);
        if (code.isApproved())
        {
            quote.campaign = command.transaction.campaignNumber;
            quote.discount = command.transaction.discount;
            quote.epochDay = calendar.epochDay(command.timestamp);
            approve(command, merchant, card, txn);
        }
        else
        {
            transactions.decide(txn, code, TransactionStatus.DECLINED, 0, DiscountQuote.NONE);
        }
        return true;
    }

    /**
     * Recovery: before {@link #applyRecorded} works through a batch of journaled authorizations
     * one by one, touches what each will read from the big tables: the PAN's and the idempotency
     * key's index slots, then the card records those slots name. Hashes and slots are computed
     * first, so the touching loops are short and their loads independent: the CPU waits for a
     * batch's cache misses together instead of one after another. A software prefetch in plain
     * Java (measured in docs/journal.md). Changes nothing.
     */
    public void prefetch(final SwitchCommand[] commands, final int count)
    {
        if (panSlots.length < count)
        {
            panSlots = new int[count];
            keySlots = new int[count];
            prefetchedMerchants = new int[count];
        }
        for (int i = 0; i < count; i++)
        {
            final SwitchCommand command = commands[i];
            panSlots[i] = command.cardOnFile != SwitchCommand.NOT_ON_FILE ? 0 : cards.panSlot(command.pan);
            final int merchant = merchants.find(command.merchantId);
            prefetchedMerchants[i] = merchant;
            keySlots[i] = merchant == MerchantBook.NOT_FOUND ? -1 : transactions.keySlot(merchant, command.orderId);
        }
        long sink = 0;
        for (int i = 0; i < count; i++)
        {
            final int onFile = commands[i].cardOnFile;
            panSlots[i] = onFile == SwitchCommand.NOT_ON_FILE ? cards.touchPanSlot(panSlots[i]) :
                onFile >= 0 && onFile < cards.count() ? onFile : CardBook.NOT_FOUND;
            if (keySlots[i] >= 0)
            {
                sink += transactions.touchKeySlot(keySlots[i]);
            }
        }
        for (int i = 0; i < count; i++)
        {
            sink += cards.touchRecord(panSlots[i]);
        }
        prefetchSink += sink;
    }

    /** The decision, computed before anything is recorded, so a failure here leaves no trace. */
    private ResponseCode decide(
        final SwitchCommand command, final int merchant, final int card, final int mcc, final long transactionId)
    {
        if (!merchants.isEnabled(merchant))
        {
            return ResponseCode.INVALID_MERCHANT;
        }
        if (card == CardBook.NOT_FOUND)
        {
            return ResponseCode.INVALID_CARD_NUMBER;
        }
        final int expiryOnFile = cards.expiry(card);
        if ((command.expiry != SwitchCommand.NO_EXPIRY && command.expiry != expiryOnFile) ||
            calendar.isExpired(expiryOnFile, command.timestamp))
        {
            return ResponseCode.EXPIRED_CARD;
        }
        final CardStatus status = cards.status(card);
        if (status != CardStatus.ACTIVE)
        {
            return status.declineCode();
        }
        if (command.currency != cards.currency(card) || !Money.isValidAmount(command.amount))
        {
            return ResponseCode.INVALID_AMOUNT;
        }

        discounts.quote(command.pan, command.panLength, command.merchantId, mcc, command.amount, command.currency,
            command.timestamp, transactionId, card, quote);
        final long charged = command.amount - quote.discount;
        final int today = calendar.epochDay(command.timestamp);
        if (CardBook.exceeds(charged, cards.perTransactionLimit(card)) ||
            CardBook.exceeds(cards.spentOn(card, today) + charged, cards.dailyLimit(card)))
        {
            return ResponseCode.EXCEEDS_AMOUNT_LIMIT;
        }
        if (charged > cards.available(card))
        {
            return ResponseCode.INSUFFICIENT_FUNDS;
        }
        return ResponseCode.APPROVED;
    }

    private void approve(final SwitchCommand command, final int merchant, final int card, final int txn)
    {
        final long charged = command.amount - quote.discount;
        final int today = calendar.epochDay(command.timestamp);
        cards.hold(card, charged, today);
        if (quote.campaign != DiscountQuote.NONE)
        {
            discounts.redeem(quote, card);
        }
        if (command.capture)
        {
            transactions.decide(txn, ResponseCode.APPROVED, TransactionStatus.CAPTURED, quote.discount, quote.campaign);
            transactions.setCaptured(txn, charged);
        }
        else
        {
            transactions.decide(txn, ResponseCode.APPROVED, TransactionStatus.AUTHORIZED, quote.discount,
                quote.campaign);
            holds.add(txn);
        }
        totals.approved(merchant, command.currency, command.amount, quote.discount, command.capture);
    }

    /**
     * Notes the card on the command for the journal when the request's PAN is on file and its
     * expiry is none or the card's: the journal then records the card by number, not its PAN.
     */
    private void markOnFile(final SwitchCommand command, final int card)
    {
        command.cardOnFile = card != CardBook.NOT_FOUND &&
            (command.expiry == SwitchCommand.NO_EXPIRY || command.expiry == cards.expiry(card)) ?
            card : SwitchCommand.NOT_ON_FILE;
    }

    /**
     * Recovery: the card a journaled authorization names by number, its PAN (and the expiry, when
     * the request carried the card's) put back on the command; {@link CardBook#NOT_FOUND} when
     * there is no such card or its PAN does not have the truncation recorded.
     */
    private int resolveCardOnFile(final SwitchCommand command)
    {
        final int card = command.cardOnFile;
        if (card < 0 || card >= cards.count() || cards.panLength(card) != command.panLength ||
            Pan.truncated(cards.pan(card), command.panLength) != command.recordedTruncation)
        {
            return CardBook.NOT_FOUND;
        }
        command.pan = cards.pan(card);
        if (command.expiry == SwitchCommand.EXPIRY_ON_FILE)
        {
            command.expiry = cards.expiry(card);
        }
        return card;
    }

    private void answerRetry(final SwitchCommand command, final int txn, final long fingerprint)
    {
        if (transactions.fingerprint(txn) != fingerprint)
        {
            command.responseCode = ResponseCode.DUPLICATE_TRANSMISSION;
            return;
        }
        markOnFile(command, transactions.card(txn));
        final ResponseCode original = transactions.responseCode(txn);
        command.responseCode = original;
        views.fill(txn, command.transaction);
        command.transaction.status = !original.isApproved() ? TransactionStatus.DECLINED :
            (transactions.flags(txn) & TransactionStore.FLAG_SALE) != 0 ? TransactionStatus.CAPTURED :
            TransactionStatus.AUTHORIZED;
    }

    private static boolean isWellFormed(final SwitchCommand command)
    {
        return Pan.isValidLength(command.panLength) &&
            command.orderId.length() > 0 && command.orderId.isIdentifier() &&
            command.merchantId.length() > 0 &&
            (command.expiry == SwitchCommand.NO_EXPIRY || ZoneCalendar.isValidExpiry(command.expiry)) &&
            command.currency > 0 && command.currency <= 999 &&
            (command.mcc == SwitchCommand.NO_MCC || (command.mcc >= 0 && command.mcc <= 9999));
    }

    /** Hash of everything that makes two authorizations "the same content". */
    static long fingerprint(final SwitchCommand command)
    {
        long h = Hashing.combine(command.pan, command.panLength);
        h = Hashing.combine(h, command.expiry);
        h = Hashing.combine(h, command.amount);
        h = Hashing.combine(h, command.currency);
        h = Hashing.combine(h, command.mcc);
        return Hashing.combine(h, command.capture ? 1 : 0);
    }
}

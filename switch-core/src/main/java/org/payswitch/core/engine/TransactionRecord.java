package org.payswitch.core.engine;

import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.util.AsciiArena;
import org.payswitch.core.util.Hashing;

/**
 * The layout of one transaction in a {@link TransactionStore} page: ten {@code long}s (80 bytes),
 * the first seven whole values, the last three packed words, and how those words pack and unpack.
 * One place for the bit positions that deciding, answering, hashing and the snapshot's columns all
 * read. Statuses and response codes are packed as their fixed codes ({@link TransactionStatus#code},
 * {@link ResponseCode#storedCode}), never ordinals: snapshots copy these bytes. Static methods on
 * primitives only, which the JIT inlines: no object, no cost beyond the shifts.
 */
final class TransactionRecord
{
    /** Longs of one record. */
    static final int LONGS = 10;
    static final int PAN = 0;
    static final int AMOUNT = 1;
    static final int DISCOUNT = 2;
    static final int CAPTURED = 3;
    static final int REFUNDED = 4;
    static final int CREATED_AT = 5;
    static final int FINGERPRINT = 6;
    /** merchant (bits 0..31) | order id reference (32..63). */
    static final int KEY = 7;
    /** card (0..31) | currency (32..47) | MCC (48..63). */
    static final int CARD = 8;
    /** PAN length (0..7) | flags (8..15) | status code (16..23) | response code's stored code (24..31) | campaign (32..47). */
    static final int CODES = 9;

    private static final long DECISION_BITS = 0x0000_FFFF_FFFF_0000L;
    private static final long STATUS_BITS = 0xFFL << 16;

    private TransactionRecord()
    {
    }

    /** The {@link #KEY} word of a merchant and an order-id reference. */
    static long key(final int merchant, final int orderIdReference)
    {
        return (merchant & 0xFFFF_FFFFL) | (long)orderIdReference << 32;
    }

    static int merchantOf(final long key)
    {
        return (int)key;
    }

    static int orderIdReferenceOf(final long key)
    {
        return (int)(key >>> 32);
    }

    /** The {@link #CARD} word of a card number, a currency and an MCC. */
    static long cardWord(final int card, final int currency, final int mcc)
    {
        return (card & 0xFFFF_FFFFL) | (currency & 0xFFFFL) << 32 | (long)mcc << 48;
    }

    static int cardOf(final long cardWord)
    {
        return (int)cardWord;
    }

    static short currencyOf(final long cardWord)
    {
        return (short)(cardWord >>> 32);
    }

    static short mccOf(final long cardWord)
    {
        return (short)(cardWord >>> 48);
    }

    /** The {@link #CODES} word; {@code status} and {@code responseCode} are stored codes. */
    static long codes(final int panLength, final int flags, final int status, final int responseCode, final int campaign)
    {
        return (panLength & 0xFFL) | (flags & 0xFFL) << 8 | (status & 0xFFL) << 16 | (responseCode & 0xFFL) << 24 |
            (campaign & 0xFFFFL) << 32;
    }

    /** {@code codes} with a decision: status, response code and campaign replaced. */
    static long decided(final long codes, final TransactionStatus status, final ResponseCode code, final int campaign)
    {
        return (codes & ~DECISION_BITS) | ((status.code() & 0xFFL) << 16) | ((code.storedCode() & 0xFFL) << 24) |
            ((campaign & 0xFFFFL) << 32);
    }

    /** {@code codes} with the status replaced. */
    static long withStatus(final long codes, final TransactionStatus status)
    {
        return (codes & ~STATUS_BITS) | ((status.code() & 0xFFL) << 16);
    }

    static byte panLengthOf(final long codes)
    {
        return (byte)codes;
    }

    static byte flagsOf(final long codes)
    {
        return (byte)(codes >>> 8);
    }

    static byte statusCodeOf(final long codes)
    {
        return (byte)(codes >>> 16);
    }

    static byte responseCodeOf(final long codes)
    {
        return (byte)(codes >>> 24);
    }

    static short campaignOf(final long codes)
    {
        return (short)(codes >>> 32);
    }

    /**
     * Copies the record at {@code at} of {@code page} into {@code view}, read once: status, response
     * code, amounts, campaign number, currency, PAN, MCC and creation time; marks the view present.
     */
    static void copyTo(final long[] page, final int at, final TransactionView view)
    {
        final long codes = page[at + CODES];
        final long cardWord = page[at + CARD];
        view.present = true;
        view.status = statusOf(codes);
        view.responseCode = responseOf(codes);
        view.amount = page[at + AMOUNT];
        view.discount = page[at + DISCOUNT];
        view.chargedAmount = view.amount - view.discount;
        view.capturedAmount = page[at + CAPTURED];
        view.refundedAmount = page[at + REFUNDED];
        view.campaignNumber = campaignOf(codes);
        view.currency = currencyOf(cardWord);
        view.pan = page[at + PAN];
        view.panLength = panLengthOf(codes);
        view.mcc = mccOf(cardWord);
        view.createdAt = page[at + CREATED_AT];
    }

    /**
     * Folds the record at {@code at} of {@code page} into the state hash {@code h}, its order id
     * read from {@code orderIds}: every field, the codes as stored.
     */
    static long fold(final long h, final long[] page, final int at, final AsciiArena orderIds)
    {
        final long key = page[at + KEY];
        final long cardWord = page[at + CARD];
        final long codes = page[at + CODES];
        long folded = Hashing.combine(h, merchantOf(key));
        folded = orderIds.hashAt(folded, orderIdReferenceOf(key));
        folded = Hashing.combine(folded, cardOf(cardWord));
        folded = Hashing.combine(folded, page[at + PAN]);
        folded = Hashing.combine(folded, page[at + AMOUNT]);
        folded = Hashing.combine(folded, page[at + DISCOUNT]);
        folded = Hashing.combine(folded, page[at + CAPTURED]);
        folded = Hashing.combine(folded, page[at + REFUNDED]);
        folded = Hashing.combine(folded, page[at + CREATED_AT]);
        folded = Hashing.combine(folded, page[at + FINGERPRINT]);
        folded = Hashing.combine(folded, panLengthOf(codes) | (long)currencyOf(cardWord) << 8 |
            (long)mccOf(cardWord) << 24 | (long)flagsOf(codes) << 40 | (long)statusCodeOf(codes) << 48 |
            (long)responseCodeOf(codes) << 56);
        return Hashing.combine(folded, campaignOf(codes));
    }

    /** The status packed in {@code codes}; null only for a code no status has. */
    static TransactionStatus statusOf(final long codes)
    {
        return TransactionStatus.fromCode(statusCodeOf(codes));
    }

    /** The response code packed in {@code codes}; null only for a code no response code has. */
    static ResponseCode responseOf(final long codes)
    {
        return ResponseCode.fromStoredCode(responseCodeOf(codes));
    }
}

package org.payswitch.tools;

import java.nio.CharBuffer;
import java.util.SplittableRandom;

import org.payswitch.core.demo.DemoData;

/**
 * The authorizations one connection of the load generator sends: random demo cards and
 * merchants (docs/api.md section 5, so a switch started with its demo data approves them), amounts
 * of 10.00-200.00 CNY, and a retrieval reference number (DE 37, the order reference) unique to
 * the run, the connection and the request, so every request is a new authorization and never an
 * idempotent retry. With a hot share, that percentage of the requests goes to demo cards of the
 * hot BIN ({@link #HOT_BIN}, every fourth demo card) and the rest to the other BINs, so a campaign
 * on that BIN sees a known share of the traffic. Deterministic for a seed. Not thread-safe: one
 * per connection.
 */
final class RequestSource
{
    /** Characters of DE 37: run id (4), connection (2), sequence (6), base 36. */
    static final int RRN_LENGTH = 12;
    /** The BIN of the hot campaign: demo card i has it when i % 4 == 0. */
    static final String HOT_BIN = DemoData.BINS[0];
    /** The smallest amount drawn, minor units. */
    static final int MIN_AMOUNT = 1_000;
    /** Amounts drawn: {@code MIN_AMOUNT} .. {@code MIN_AMOUNT + AMOUNT_SPREAD - 1}, evenly. */
    static final int AMOUNT_SPREAD = 19_001;
    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final SplittableRandom random;
    private final int cards;
    private final int merchants;
    private final int hotSharePercent;
    private final char[] rrn = new char[RRN_LENGTH];
    private final CharBuffer rrnView = CharBuffer.wrap(rrn);
    private long sequence;

    long pan;
    int merchant;
    long amount;

    RequestSource(final long seed, final int connection, final String runId, final int cards, final int merchants)
    {
        this(seed, connection, runId, cards, merchants, 0);
    }

    /**
     * @param hotSharePercent 0: cards drawn evenly; 1..100: that share on the hot BIN, the rest
     *                        on the others (then {@code cards} must be at least 2)
     */
    RequestSource(final long seed, final int connection, final String runId, final int cards, final int merchants,
        final int hotSharePercent)
    {
        this.random = new SplittableRandom(seed * 1_000_003 + connection);
        this.cards = cards;
        this.merchants = merchants;
        this.hotSharePercent = hotSharePercent;
        for (int i = 0; i < 4; i++)
        {
            rrn[i] = runId.charAt(i);
        }
        rrn[4] = DIGITS[(connection / 36) % 36];
        rrn[5] = DIGITS[connection % 36];
    }

    /** Draws the next request into {@link #pan}, {@link #merchant}, {@link #amount} and {@link #rrn()}. */
    void next()
    {
        pan = DemoData.pan(hotSharePercent == 0 ? random.nextInt(cards) : skewedCard());
        merchant = random.nextInt(merchants);
        amount = MIN_AMOUNT + random.nextInt(AMOUNT_SPREAD);
        long rest = sequence++;
        for (int i = RRN_LENGTH - 1; i >= 6; i--)
        {
            rrn[i] = DIGITS[(int)(rest % 36)];
            rest /= 36;
        }
    }

    private int skewedCard()
    {
        if (random.nextInt(100) < hotSharePercent)
        {
            return DemoData.BINS.length * random.nextInt((cards + DemoData.BINS.length - 1) / DemoData.BINS.length);
        }
        int card;
        do
        {
            card = random.nextInt(cards);
        }
        while (card % DemoData.BINS.length == 0);
        return card;
    }

    /** DE 37 of the current request; valid until the next {@link #next()}. */
    CharSequence rrn()
    {
        return rrnView;
    }
}

package org.payswitch.tools;

import java.nio.CharBuffer;
import java.util.SplittableRandom;

import org.payswitch.core.demo.DemoData;

/**
 * The authorizations one connection of the load generator sends: random demo cards and
 * merchants (API.md section 5, so a switch started with its demo data approves them), amounts
 * of 10.00-200.00 CNY, and a retrieval reference number (DE 37, the order reference) unique to
 * the run, the connection and the request, so every request is a new authorization and never an
 * idempotent retry. Deterministic for a seed. Not thread-safe: one per connection.
 */
final class RequestSource
{
    /** Characters of DE 37: run id (4), connection (2), sequence (6), base 36. */
    static final int RRN_LENGTH = 12;
    private static final int MIN_AMOUNT = 1_000;
    private static final int AMOUNT_SPREAD = 19_001;
    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final SplittableRandom random;
    private final int cards;
    private final int merchants;
    private final char[] rrn = new char[RRN_LENGTH];
    private final CharBuffer rrnView = CharBuffer.wrap(rrn);
    private long sequence;

    long pan;
    int merchant;
    long amount;

    RequestSource(final long seed, final int connection, final String runId, final int cards, final int merchants)
    {
        this.random = new SplittableRandom(seed * 1_000_003 + connection);
        this.cards = cards;
        this.merchants = merchants;
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
        pan = DemoData.pan(random.nextInt(cards));
        merchant = random.nextInt(merchants);
        amount = MIN_AMOUNT + random.nextInt(AMOUNT_SPREAD);
        long rest = sequence++;
        for (int i = RRN_LENGTH - 1; i >= 6; i--)
        {
            rrn[i] = DIGITS[(int)(rest % 36)];
            rest /= 36;
        }
    }

    /** DE 37 of the current request; valid until the next {@link #next()}. */
    CharSequence rrn()
    {
        return rrnView;
    }
}

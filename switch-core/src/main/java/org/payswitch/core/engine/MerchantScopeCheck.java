package org.payswitch.core.engine;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;

/**
 * Keeps a scoped caller to its own merchants' transactions: a capture, reversal, refund or query
 * whose transaction belongs to a merchant outside the command's {@link SwitchCommand#merchantScope}
 * is answered 25, exactly as a transaction the switch does not know, so a caller cannot even learn
 * that it exists. Runs on the single writer's thread before the command moves event time, and the
 * refused command changes nothing, so it is not journaled and a replay (which carries no scope)
 * meets the same state. Allocates nothing.
 */
final class MerchantScopeCheck
{
    private final MerchantBook merchants;
    private final TransactionStore transactions;
    private final TransactionLifecycle lifecycle;
    private final AsciiField owner = new AsciiField(MerchantBook.MAX_ID_LENGTH);

    MerchantScopeCheck(final MerchantBook merchants, final TransactionStore transactions,
        final TransactionLifecycle lifecycle)
    {
        this.merchants = merchants;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
    }

    /**
     * True (and the command answered 25, marked {@link SwitchCommand#outOfScope}) when the command
     * names a transaction of a merchant its caller may not see; false when it may go on.
     */
    boolean refuses(final SwitchCommand command)
    {
        if (command.merchantScope == null || !namesTransaction(command.type))
        {
            return false;
        }
        final int txn = lifecycle.findOriginal(command);
        if (txn == TransactionStore.NOT_FOUND)
        {
            return false;
        }
        merchants.copyId(transactions.merchant(txn), owner);
        if (command.merchantScope.contains(owner))
        {
            return false;
        }
        command.responseCode = ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
        command.outOfScope = true;
        return true;
    }

    private static boolean namesTransaction(final CommandType type)
    {
        return type == CommandType.CAPTURE || type == CommandType.REVERSAL || type == CommandType.REFUND ||
            type == CommandType.GET_TRANSACTION;
    }
}

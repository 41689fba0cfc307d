package org.payswitch.gateway.iso;

import javax.security.auth.x500.X500Principal;

import io.netty.channel.Channel;
import org.payswitch.core.config.Acquirer;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.tls.ClientIdentity;

/**
 * One ISO 8583 connection's check that a request comes from a configured acquirer and stays in its
 * scope (docs/security.md). An unknown DE 32, or a connection whose TLS client certificate is not
 * the one the acquirer must present, or a request without the MAC its acquirer's key makes
 * ({@link IsoMac}), is declined 05; a merchant (DE 42) or terminal (DE 41)
 * outside the acquirer's scope is declined 03 on an authorization or sale and 25 on a completion or
 * reversal, as if the original were unknown. Allocates nothing; one instance per connection.
 */
public final class AcquirerGuard
{
    private final Acquirers acquirers;
    private final AsciiField terminal = new AsciiField(Acquirer.MAX_TERMINAL_LENGTH);
    private final IsoMac mac = new IsoMac();
    /** The connection's identity and its subject in canonical form, worked out once per connection. */
    private ClientIdentity identity;
    private String canonicalSubject;

    public AcquirerGuard(final Acquirers acquirers)
    {
        this.acquirers = acquirers;
    }

    /**
     * The response code to decline a mapped request with, or null when it may be published.
     *
     * @param request the decoded message (DE 32, 41 read from it)
     * @param command the command mapped from it (merchant id and type read from it)
     * @param channel the connection, for the client identity its TLS handshake proved
     */
    public ResponseCode refusal(final IsoMessage request, final SwitchCommand command, final Channel channel)
    {
        if (!acquirers.required())
        {
            return null;
        }
        final int digits = request.digitCount(32);
        if (digits == 0 || digits > Acquirer.MAX_ID_DIGITS)
        {
            return ResponseCode.DO_NOT_HONOUR;
        }
        final Acquirers.Entry entry = acquirers.find(request.numeric(32), digits);
        if (entry == null || !provedIdentity(entry.acquirer(), channel) ||
            entry.innerPad() != null && !mac.verifies(request, entry.innerPad(), entry.outerPad()))
        {
            return ResponseCode.DO_NOT_HONOUR;
        }
        final Acquirer acquirer = entry.acquirer();
        final boolean merchantAllowed = acquirer.merchants() == null || acquirer.merchants().contains(command.merchantId);
        final boolean terminalAllowed = acquirer.terminals() == null ||
            request.copyAscii(41, terminal) && acquirer.terminals().contains(terminal);
        if (merchantAllowed && terminalAllowed)
        {
            return null;
        }
        return command.type == CommandType.AUTHORIZE ? ResponseCode.INVALID_MERCHANT :
            ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
    }

    private boolean provedIdentity(final Acquirer acquirer, final Channel channel)
    {
        if (acquirer.clientSubject() == null)
        {
            return true;
        }
        final ClientIdentity proved = channel.attr(ClientIdentity.KEY).get();
        if (proved == null)
        {
            return false;
        }
        if (proved != identity)
        {
            identity = proved;
            canonicalSubject = proved.certificate().getSubjectX500Principal().getName(X500Principal.CANONICAL);
        }
        return acquirer.clientSubject().equals(canonicalSubject);
    }
}

package org.payswitch.gateway.auth;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.config.ApiKey;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutGuardTest
{
    private static final String SHOP_KEY = "psk_Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC1rZXktMTIzNA";
    private static final String PSP_KEY = "psk_YW5vdGhlci10ZXN0LWtleS1mb3ItZXZlcnktbWVyY2hhbnQ";

    private final CheckoutGuard guard = new CheckoutGuard(ApiKeys.of(List.of(
        new ApiKey("shop-1", sha256(SHOP_KEY), AsciiIdSet.of(List.of("M00000000000001"), 15)),
        new ApiKey("psp", sha256(PSP_KEY), null))));
    private final SwitchCommand request = new SwitchCommand();

    static byte[] sha256(final String key)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final Exception e)
        {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAdmitEveryCallUnscopedWhenNoKeysAreConfigured()
    {
        final CheckoutGuard open = new CheckoutGuard(ApiKeys.NONE);

        assertThat(open.admit(null, request)).isEqualTo(CheckoutGuard.ADMITTED);
        assertThat(request.merchantScope).isNull();
    }

    @Test
    void shouldRefuseACallWithoutAKeyWithAnotherSchemeOrWithAnUnknownOrAlteredKey()
    {
        assertThat(guard.admit(null, request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Basic " + SHOP_KEY, request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer ", request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer " + SHOP_KEY + "x", request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer " + SHOP_KEY.substring(1), request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer " + "x".repeat(CheckoutGuard.MAX_KEY_LENGTH + 1), request))
            .isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer " + SHOP_KEY + " ", request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(guard.admit("Bearer demo-admin-token", request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
    }

    @Test
    void shouldAdmitAConfiguredKeyAndCarryItsMerchantsOnTheRequest()
    {
        assertThat(guard.admit("Bearer " + SHOP_KEY, request)).isEqualTo(CheckoutGuard.ADMITTED);
        assertThat(request.merchantScope.ids()).containsExactly("M00000000000001");
        request.merchantId.set("M00000000000001");
        assertThat(CheckoutGuard.covers(request)).isTrue();
        request.merchantId.set("M00000000000002");
        assertThat(CheckoutGuard.covers(request)).isFalse();

        assertThat(guard.admit("bearer " + PSP_KEY, request)).isEqualTo(CheckoutGuard.ADMITTED);
        assertThat(request.merchantScope).isNull();
        assertThat(CheckoutGuard.covers(request)).isTrue();
    }

    @Test
    void shouldNotKeepAnEarlierCallersScopeWhenTheNextCallIsRefused()
    {
        guard.admit("Bearer " + SHOP_KEY, request);

        assertThat(guard.admit("Bearer wrong", request)).isEqualTo(CheckoutGuard.UNAUTHENTICATED);
        assertThat(request.merchantScope).isNull();
    }

    @Test
    void shouldAllocateNothingPerCheckOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final String header = "Bearer " + SHOP_KEY;
        final String wrong = "Bearer " + PSP_KEY.replace('Y', 'Z');
        for (int i = 0; i < 20_000; i++)
        {
            guard.admit(header, request);
            guard.admit(wrong, request);
        }
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        int admitted = 0;
        for (int i = 0; i < 10_000; i++)
        {
            admitted += guard.admit(header, request) == CheckoutGuard.ADMITTED ? 1 : 0;
            admitted += guard.admit(wrong, request) == CheckoutGuard.ADMITTED ? 1 : 0;
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(admitted).isEqualTo(10_000);
        assertThat(allocated).as("bytes allocated by 20 000 checks").isLessThan(20_000);
    }
}

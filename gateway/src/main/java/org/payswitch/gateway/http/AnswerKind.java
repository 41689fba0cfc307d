package org.payswitch.gateway.http;

/** Which JSON shape an HTTP answer takes (docs/api.md section 3). */
enum AnswerKind
{
    AUTHORIZATION,
    TRANSACTION,
    CARD,
    MERCHANT,
    CAMPAIGN,
    CAMPAIGNS,
    SETTLEMENT,
    /** Per merchant and currency, the totals of its transactions. */
    TRANSACTION_TOTALS,
    /** Prometheus text of /metrics, with campaign figures read through the ring. */
    METRICS
}

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
    /** Prometheus text of /metrics, with campaign figures read through the ring. */
    METRICS
}

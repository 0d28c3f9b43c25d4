/**
 * DORA's five software delivery metrics over recorded deployments and alerts: deployment frequency, change lead time,
 * change fail rate, failed deployment recovery time and deployment rework rate, each with its DORA band. The
 * definitions are in the README ("Delivery metrics (DORA)"); everything but {@link DeliveryReport} and
 * {@link DeliveryProperties} is plain Java.
 */
package io.retrobridge.insight.delivery;

/** The application's own metrics, in one bean, published by MicroProfile Metrics at {@code /metrics}. */
package io.chatapp.metrics;

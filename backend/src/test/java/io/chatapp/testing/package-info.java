/** What unit tests of several packages share: a clock they move on themselves. */
package io.chatapp.testing;

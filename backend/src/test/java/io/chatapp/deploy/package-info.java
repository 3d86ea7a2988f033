/** Offline checks of the Kubernetes delivery: the Helm charts, linted and rendered without a cluster. */
package io.chatapp.deploy;

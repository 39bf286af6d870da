/**
 * The DCI Social Registry API's HTTP routes ({@code /registry/**}, partners only): thin adapters
 * of {@link pk.registry.sharing.dci.DciGateway}, which reads the envelopes and makes the answers.
 */
@NullMarked
package pk.registry.sharing.web.dci;

import org.jspecify.annotations.NullMarked;

/**
 * Who is calling: the OAuth2 resource server that every non-public endpoint sits behind, the
 * embedded authorization server that issues client-credentials tokens to staff and partner
 * clients, and the applicants' sign-in with a one-time code sent to their mobile.
 * <p>
 * Route-level authorisation lives in one place ({@code SecurityConfiguration}) and denies
 * whatever it does not name.
 */
@NullMarked
package pk.registry.identity;

import org.jspecify.annotations.NullMarked;

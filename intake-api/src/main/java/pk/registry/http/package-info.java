/**
 * HTTP conventions every endpoint shares: RFC 9457 problem responses (framework errors
 * included) with a field-error list that never echoes a submitted value, request size
 * limits, and the OpenAPI document.
 */
@NullMarked
package pk.registry.http;

import org.jspecify.annotations.NullMarked;

/**
 * The retention schedule per data category, legal holds, erasure planning and deletion
 * certificates.
 */
@NullMarked
package pk.registry.retention;

import org.jspecify.annotations.NullMarked;

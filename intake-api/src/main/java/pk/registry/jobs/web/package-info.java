/**
 * The DPO's jobs over HTTP: start an erasure or a retention sweep (202 + Location) and follow a
 * run by id. Only the DPO's role may (route security in {@code SecurityConfiguration}).
 */
@NullMarked
package pk.registry.jobs.web;

import org.jspecify.annotations.NullMarked;

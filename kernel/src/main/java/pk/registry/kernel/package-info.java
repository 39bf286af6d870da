/**
 * The shared kernel: value types every feature speaks (roles, mobile numbers) and nothing
 * else. Types here validate in their constructor and never print personal data.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package pk.registry.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

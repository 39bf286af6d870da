package pk.registry.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Caller;

/** The caller of the request on this thread, from its verified bearer token (as controllers get it). */
@Component
class RequestCaller implements Caller {

    @Override
    public Optional<Actor> current() {
        return ActorArgumentResolver.current();
    }
}

package pk.registry.household;

import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import pk.registry.kernel.MobileNumber;

/**
 * <strong>Demo and tests only.</strong> A stand-in for the national SIM-ownership service: a small
 * table of SIM owners ({@code registry.identity.sim-owners}, mobile → CNIC). A listed mobile
 * confirms only its own CNIC; a mobile <em>not</em> listed confirms any CNIC, so that anyone can
 * try the demo. That makes it worthless as a control: switched on only by
 * {@code registry.identity.head-check.demo=true} (the demo and test profiles), never in production,
 * where {@code registry.identity.head-check.url} names the real service.
 */
@Component
@ConditionalOnProperty(name = "registry.identity.head-check.demo", havingValue = "true")
class DemoSimOwners implements HeadIdentityCheck {

    private static final Logger log = LoggerFactory.getLogger(DemoSimOwners.class);

    private final Map<MobileNumber, Cnic> owners;

    DemoSimOwners(Properties properties) {
        this.owners = properties.simOwners().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(owner -> MobileNumber.parse(owner.getKey()),
                        owner -> Cnic.parse(owner.getValue())));
        log.warn("Demo identity check: the head's CNIC is checked only for the {} mobiles listed in "
                + "registry.identity.sim-owners, any other mobile is confirmed. Never use it in production.", owners.size());
    }

    @Override
    public Answer check(Cnic head, MobileNumber mobile) {
        Cnic owner = owners.get(mobile);
        return owner == null || owner.equals(head) ? Answer.CONFIRMED : Answer.NOT_CONFIRMED;
    }

    /**
     * @param simOwners mobile (written {@code "03001234567"}: a map key keeps no {@code +}) → the CNIC that owns its SIM
     */
    @ConfigurationProperties("registry.identity")
    record Properties(@DefaultValue Map<String, String> simOwners) {

        @Override
        public String toString() {
            return "DemoSimOwners.Properties[" + simOwners.size() + " SIM owners]";
        }
    }
}

package pk.registry.identity;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Codes asked for from one client address, whatever the mobiles: a script that asks codes for
 * forty mobiles a second (SMS pumping, paid per text) is stopped after a few, while the
 * per-mobile limit still guards each mobile. An {@link Allowances allowance} per address on
 * this node, coming back gradually across the window.
 */
@Component
class SignInThrottle {

    private final Allowances perAddress;

    SignInThrottle(IdentityProperties properties, Clock clock) {
        IdentityProperties.Otp otp = properties.otp();
        this.perAddress = Allowances.refilledGradually(otp.perAddressRequests(), otp.perAddressWindow(), clock);
    }

    /**
     * Takes one code request from the address's allowance.
     * @throws ApplicantSignIn.TooManyCodesException when it is used up
     */
    void take(String address) {
        perAddress.take(address).ifPresent(wait -> {
            throw new ApplicantSignIn.TooManyCodesException(
                    "Too many codes were requested from this address; try again later.", wait);
        });
    }
}

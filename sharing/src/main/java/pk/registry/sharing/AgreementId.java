package pk.registry.sharing;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/** A data-sharing agreement's identifier, e.g. {@code demo-agreement}; a partner's token names it. */
public record AgreementId(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9\\-]{2,59}");

    public AgreementId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("an agreement id is 3-60 lower-case letters, digits and hyphens");
        }
    }

    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

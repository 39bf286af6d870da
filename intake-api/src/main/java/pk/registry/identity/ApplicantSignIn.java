package pk.registry.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Role;
import pk.registry.kernel.Turns;
import pk.registry.keys.BlindIndex;

/**
 * Applicants sign in with their mobile: a six-digit code is sent by SMS and exchanged for an
 * APPLICANT token whose subject is the verified mobile in E.164 form.
 * <p>
 * Only keyed tokens are stored: the mobile as a blind index, the code as a keyed hash bound
 * to its challenge. Codes expire, allow a limited number of wrong guesses, and a mobile may
 * ask for only a few codes per window. Every rule is enforced by the database, so it holds
 * across nodes. Spent and expired codes are deleted by the retention sweep ({@link OneTimeCodeRetention}).
 */
@Service
class ApplicantSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final SmsSender sms;
    private final JwtEncoder tokens;
    private final IdentityProperties properties;
    private final Turns turns;
    private final Clock clock;

    ApplicantSignIn(JdbcClient jdbc, BlindIndex blindIndex, SmsSender sms, JwtEncoder tokens,
            IdentityProperties properties, Turns turns, Clock clock) {
        this.jdbc = jdbc;
        this.turns = turns;
        this.blindIndex = blindIndex;
        this.sms = sms;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** An issued applicant token, named as OAuth2's token endpoint names it (RFC 6749 §5.1). */
    record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    /** The mobile asked for too many codes lately. */
    static final class TooManyCodesException extends RuntimeException {

        private final Duration retryAfter;

        TooManyCodesException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The live code was guessed wrong too often; only a new code helps. */
    static final class TooManyAttemptsException extends RuntimeException {
        TooManyAttemptsException() {
            super("Too many wrong codes; request a new code.");
        }
    }

    /**
     * Sends a fresh code to the mobile, whether or not anyone with that mobile has applied.
     * @throws TooManyCodesException when the mobile has asked for too many codes lately
     */
    @Transactional
    void sendCode(MobileNumber mobile) {
        Instant now = clock.instant();
        String mobileToken = blindIndex.of(BlindIndex.Domain.MOBILE, mobile.e164());
        turns.take("otp", mobileToken); // requests for one mobile at once count one after another
        long recent = jdbc.sql("SELECT COUNT(*) FROM otp_challenge WHERE mobile_token = :mobile AND created_at > :since")
                .param("mobile", mobileToken).param("since", Timestamp.from(now.minus(properties.otp().window())))
                .query(Long.class).single();
        if (recent >= properties.otp().maxRequests()) {
            Instant oldest = jdbc.sql("SELECT MIN(created_at) FROM otp_challenge WHERE mobile_token = :mobile AND created_at > :since")
                    .param("mobile", mobileToken).param("since", Timestamp.from(now.minus(properties.otp().window())))
                    .query(Timestamp.class).single().toInstant();
            throw new TooManyCodesException("Too many codes were requested for this mobile; try again later.",
                    Duration.between(now, oldest.plus(properties.otp().window())));
        }
        String id = UUID.randomUUID().toString();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.sql("""
                INSERT INTO otp_challenge (id, mobile_token, code_hash, created_at, expires_at, attempts)
                VALUES (:id, :mobile, :code, :created, :expires, 0)""")
                .param("id", id).param("mobile", mobileToken).param("code", codeHash(id, code))
                .param("created", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.otp().codeTtl())))
                .update();
        sms.send(mobile, "Your registry sign-in code is " + code + ". It expires in "
                + properties.otp().codeTtl().toMinutes() + " minutes. Do not share it.");
    }

    /**
     * Exchanges the newest live code of the mobile for an applicant token.
     * @return the token, or empty when the code is wrong, expired or spent
     * @throws TooManyAttemptsException when the code has no attempts left (the attempt is still counted)
     */
    @Transactional(noRollbackFor = TooManyAttemptsException.class)
    Optional<AccessToken> verify(MobileNumber mobile, String code) {
        Instant now = clock.instant();
        String mobileToken = blindIndex.of(BlindIndex.Domain.MOBILE, mobile.e164());
        List<Challenge> live = jdbc.sql("""
                SELECT id, code_hash, attempts FROM otp_challenge
                WHERE mobile_token = :mobile AND consumed_at IS NULL AND expires_at > :now
                ORDER BY created_at DESC""")
                .param("mobile", mobileToken).param("now", Timestamp.from(now))
                .query((rs, row) -> new Challenge(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Challenge challenge = live.get(0);
        // Count the attempt first, atomically, so parallel guesses cannot exceed the limit.
        int counted = jdbc.sql("UPDATE otp_challenge SET attempts = attempts + 1 WHERE id = :id AND attempts < :max")
                .param("id", challenge.id()).param("max", properties.otp().maxAttempts()).update();
        if (counted == 0) {
            throw new TooManyAttemptsException();
        }
        if (!MessageDigest.isEqual(codeHash(challenge.id(), code).getBytes(), challenge.codeHash().getBytes())) {
            return Optional.empty();
        }
        int consumed = jdbc.sql("UPDATE otp_challenge SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", challenge.id()).update();
        return consumed == 1 ? Optional.of(applicantToken(mobile, now)) : Optional.empty();
    }

    private AccessToken applicantToken(MobileNumber mobile, Instant now) {
        var ttl = properties.accessTokenTtl();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer().toString())
                .subject(mobile.e164())
                .audience(List.of(properties.requiredAudience()))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(RoleClaims.ROLES, List.of(Role.APPLICANT.name()))
                .build();
        String jwt = tokens.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new AccessToken(jwt, "Bearer", ttl.toSeconds());
    }

    private String codeHash(String challengeId, String code) {
        return blindIndex.of(BlindIndex.Domain.OTP_CODE, challengeId + ':' + code);
    }

    private record Challenge(String id, String codeHash, int attempts) {
    }
}
